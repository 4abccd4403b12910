import { Command } from 'commander';
import { cleanLine } from '../io/sanitize.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const compile: CommandSpec = {
  name: 'compile',
  create: (context) =>
    new Command('compile')
      .description('compile a folder of monographs into a library that --data-dir reads without checking every file')
      .argument('<folder>', 'a folder of monographs (*.md)')
      .argument('<library>', 'a new or empty folder for the library, or one medinfo compile wrote before (replaced)')
      .addHelpText(
        'after',
        `
A folder of monographs passed to --data-dir is checked for edits on every run,
which costs time at thousands of files. A compiled library is read as it is:
compile again after editing the folder.
${examples('medinfo compile ./my-drugs ./my-drugs.lib', 'medinfo --data-dir ./my-drugs.lib show mydrug')}`,
      )
      .action(async (folder: string, library: string) => {
        const { output, compile } = context();
        const count = await compile(folder, library);
        output.out(`${cleanLine(`compiled ${count} monograph${count === 1 ? '' : 's'} from ${folder} into ${library}`)}\n`);
      }),
  complete: { arguments: ['folder', 'folder'] },
};
