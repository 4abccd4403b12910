// npm run build: bundle the CLI and the library compiler with esbuild, write dist/launch.json for
// bin/medinfo and the man page dist/medinfo.1, then compile data/ into dist/library.
// npm run check:data -- [files]: only check the monographs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeLaunchFile } from './launch-file.mjs';
import { writeManPage } from './man-page.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const check = process.argv.includes('--check');
// commander loads child_process for executable sub-commands, which medinfo has none of;
// leaving it out of the bundle saves a few milliseconds on every run.
const noChildProcess = {
  name: 'no-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander/') ? { path: 'child_process', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
// chalk's own color detection imports node:tty (and with it node:net); medinfo decides the
// color level itself (src/io/output.ts) and never uses chalk's default instance.
const noChalkDetection = {
  name: 'no-chalk-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'stub-color' }));
    b.onLoad({ filter: /.*/, namespace: 'stub-color' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};
// The completion scripts (src/completion/medinfo.*) are shell files, bundled as text, as is
// data/label-classes.yaml in the importer.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', logLevel: 'warning', minify: true,
  loader: { '.bash': 'text', '.zsh': 'text', '.fish': 'text', '.yaml': 'text' },
  define: { MEDINFO_VERSION: JSON.stringify(version) } };

await build({ ...common, entryPoints: ['src/compile/main.ts'], outfile: 'dist/build.cjs' });
if (!check) {
  await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs', plugins: [noChildProcess, noChalkDetection] });
  writeLaunchFile();
  writeManPage();
  await build({ ...common, entryPoints: ['src/compile/compiler.ts'], outfile: 'dist/compiler.cjs' });
  // medinfo import's label readers, loaded only by that command (src/store/load-importer.ts).
  await build({ ...common, entryPoints: ['src/import/importer.ts'], outfile: 'dist/importer.cjs' });
}
const args = check ? ['--check', ...process.argv.slice(2).filter((a) => a !== '--check')] : [];
try {
  execFileSync(process.execPath, ['dist/build.cjs', ...args], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
