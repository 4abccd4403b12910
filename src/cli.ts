import { Command, CommanderError } from 'commander';
import type { Catalog } from './core/catalog.js';
import { MedinfoError } from './core/errors.js';
import type { Context } from './context.js';
import { createOutput, type Output } from './render/output.js';
import { openStdout, OutputClosed } from './render/stdout.js';
import { bundledLibrary } from './store/bundled.js';
import { listCommand } from './commands/list.js';
import { searchCommand } from './commands/search.js';
import { showCommand } from './commands/show.js';
import { sideEffectsCommand } from './commands/side-effects.js';
import { studiesCommand } from './commands/studies.js';
import { compileCommand } from './commands/compile.js';
import { examples } from './commands/options.js';

declare const MEDINFO_VERSION: string;

/** Exit codes: 0 success, 1 nothing found, 2 usage or data error, 70 a bug in medinfo. */
export async function main(argv: string[]): Promise<number> {
  let context: Context | undefined;
  const program = new Command('medinfo')
    .description('Offline reference for medications: monographs, side-effect figures, studies and sources.')
    .version(typeof MEDINFO_VERSION === 'string' ? MEDINFO_VERSION : 'dev', '-V, --version')
    .option('--no-color', 'never color the output (NO_COLOR and FORCE_COLOR are honored too)')
    .option('--data-dir <dir>', 'also read the monographs (*.md) in this folder, or a library made by medinfo compile')
    .addHelpText('after', examples('medinfo show baclofen', 'medinfo side-effects lioresal --json', 'medinfo search "muscle relaxant"', 'medinfo list --class benzodiazepine'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`medinfo: ${message.replace(/^error: /, '')}`) });

  const getContext = () => context!;
  program.hook('preAction', () => {
    const globals = program.opts<{ color: boolean; dataDir?: string }>();
    context = makeContext(createOutput({ stdout: openStdout(), stderr: () => process.stderr, env: process.env, colorFlag: globals.color }), globals.dataDir);
  });

  program.addCommand(showCommand(getContext));
  program.addCommand(sideEffectsCommand(getContext));
  program.addCommand(studiesCommand(getContext));
  program.addCommand(searchCommand(getContext));
  program.addCommand(listCommand(getContext));
  program.addCommand(compileCommand(getContext));
  for (const command of program.commands) command.exitOverride().showSuggestionAfterError().configureOutput(program.configureOutput());

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function makeContext(output: Output, dataDir: string | undefined): Context {
  let catalog: Promise<Catalog> | undefined;
  const warn = (message: string) => output.err(`medinfo: warning: ${message}\n`);
  return {
    output,
    compile: async (folder, out) => {
      const { compileDataDir } = await import('./store/user-folder.js');
      return compileDataDir(folder, out, bundledLibrary(), warn);
    },
    catalog: () => {
      catalog ??= (async () => {
        const bundled = bundledLibrary();
        if (dataDir === undefined) return [bundled];
        const { openDataDir } = await import('./store/user-folder.js');
        const user = openDataDir(dataDir, bundled, process.env, warn);
        return [user, bundled];
      })();
      return catalog;
    },
  };
}

function exitCodeFor(error: unknown): number {
  if (error instanceof OutputClosed) return 0;
  if (error instanceof CommanderError) {
    // Help and --version end normally; every other commander error is a usage mistake it has already printed.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return 2;
  }
  if (error instanceof MedinfoError) {
    process.stderr.write(`medinfo: ${error.message}\n`);
    for (const line of error.details) process.stderr.write(`${line}\n`);
    return error.exitCode;
  }
  process.stderr.write(`medinfo: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  if (process.env.MEDINFO_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
  return 70;
}

export { warmUp } from './warm-up.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
