// npm run build: bundle the CLI and the library compiler with esbuild, then compile data/ into dist/library.
// npm run check:data -- [files]: only check the monographs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const check = process.argv.includes('--check');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', logLevel: 'warning',
  define: { MEDINFO_VERSION: JSON.stringify(version) } };

await build({ ...common, entryPoints: ['src/build/main.ts'], outfile: 'dist/build.cjs' });
if (!check) {
  await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs' });
}
const args = check ? ['--check', ...process.argv.slice(2).filter((a) => a !== '--check')] : [];
try {
  execFileSync(process.execPath, ['dist/build.cjs', ...args], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
