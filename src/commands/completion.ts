import { Argument, Command } from 'commander';
import type { CompletionDataOf } from '../completion/complete.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

const SHELLS = ['bash', 'zsh', 'fish'];

/** `medinfo completion <shell>`: the script a shell loads to complete medinfo's words. */
export const completion: CommandSpec = {
  name: 'completion',
  create: (context) =>
    new Command('completion')
      .description('print the script that completes commands, options and drug names in bash, zsh or fish')
      .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
      .addHelpText(
        'after',
        `
Each script asks medinfo itself for the words, so drug names of the --data-dir
folders on the line complete too, and nothing needs installing again after an upgrade.
${examples('source <(medinfo completion bash)      # in ~/.bashrc', 'source <(medinfo completion zsh)       # in ~/.zshrc, after compinit', 'medinfo completion fish > ~/.config/fish/completions/medinfo.fish')}`,
      )
      .action(async (shell: string) => {
        const { SCRIPTS } = await import('../completion/scripts.js');
        context().output.out(SCRIPTS[shell]!);
      }),
};

/**
 * `medinfo __complete -- <words>`, which the scripts call on every Tab: the
 * candidates for the last word, read from the program's commander objects and
 * the command table's completion data (`dataOf`), one a line.
 */
export function completer(dataOf: CompletionDataOf): CommandSpec {
  return {
    name: '__complete',
    hidden: true,
    create: (context) =>
      new Command('__complete')
        .description('complete the last of the words (what the completion scripts call)')
        .argument('[words...]', 'the words after medinfo, the one being typed last')
        .action(async (words: string[], _options: unknown, command: Command) => {
          const { completeWords } = await import('../completion/complete.js');
          const ctx = context();
          ctx.output.out(await completeWords(command.parent!, words.length > 0 ? words : [''], dataOf, ctx));
        }),
    warmUp: (catalog) => {
      const { drugWords } = require('../completion/complete.js') as typeof import('../completion/complete.js');
      drugWords(catalog);
    },
  };
}
