import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './run';

// What a user does: npm pack, then npm install -g of the tarball, with no network and an empty npm
// cache, into a prefix of its own; then medinfo, run from a folder far from any checkout.
const work = mkdtempSync(join(tmpdir(), 'medinfo-package-'));
const prefix = join(work, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', 'medinfo');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
let entries: string[] = [];

/** npm itself (the one running the tests, if any), with no npm_* variables of the outer run. */
function npm(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  const cli = process.env.npm_execpath;
  const [command, prefixArgs] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  const result = spawnSync(command, [...prefixArgs, ...args, '--no-audit', '--no-fund', '--no-update-notifier', `--cache=${join(work, 'npm-cache')}`], {
    cwd,
    env: { ...env, PATH: `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}` },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result;
}

/** The installed medinfo, run as its shebang runs it, from `/`, with a cache folder of this test's own. */
function medinfo(args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(join(prefix, 'bin', 'medinfo'), args, {
    cwd: '/',
    env: { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, HOME: work, XDG_CACHE_HOME: join(work, 'cache') },
    encoding: 'utf8',
    timeout: 60_000,
    ...options,
  });
  return { stdout: String(result.stdout), stderr: String(result.stderr), code: result.status };
}

beforeAll(() => {
  // Packed from a copy of the checkout with the same node_modules: npm pack runs prepack, a
  // build, which must not rewrite the dist/ that the other test files are running meanwhile.
  const source = join(work, 'source');
  const left = new Set(['node_modules', 'dist', 'coverage', '.git']);
  cpSync(root, source, { recursive: true, filter: (path) => !left.has(relative(root, path).split(sep)[0]!) && !path.endsWith('.tgz') });
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  npm(['pack', '--pack-destination', work], source);
  const tarball = join(work, `medinfo-${version}.tgz`);
  const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  entries = listing.stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(/^package\//, ''));
  mkdirSync(prefix);
  npm(['install', '--global', '--offline', `--prefix=${prefix}`, tarball], work);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the built CLI, its library, the data, the docs, README, LICENSE and the man page', () => {
    for (const file of ['bin/medinfo', 'dist/cli.cjs', 'dist/compiler.cjs', 'dist/importer.cjs', 'dist/launch.json', 'dist/library/manifest.json', 'dist/medinfo.1', 'data/baclofen.md', 'data/classes.yaml', 'docs/json.md', 'README.md', 'LICENSE', 'package.json']) {
      expect(entries, `${file} is missing from the tarball`).toContain(file);
    }
  });

  it('holds nothing else: no tests, CI, scripts, sources or build-only files', () => {
    const shipped = /^(package\.json|README\.md|LICENSE|bin\/medinfo|dist\/(cli\.cjs|compiler\.cjs|importer\.cjs|launch\.json|medinfo\.1|library\/.+)|data\/[^/]+\.(md|yaml)|docs\/[^/]+\.md)$/;
    expect(entries.filter((entry) => !shipped.test(entry))).toEqual([]);
  });

  it('installs offline with an empty npm cache and brings no node_modules: the bundles require only Node built-ins', () => {
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const bundle of ['cli.cjs', 'compiler.cjs', 'importer.cjs']) {
      const required = [...readFileSync(join(installed, 'dist', bundle), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!);
      expect(required.filter((name) => !builtins.has(name)), `dist/${bundle} requires a package`).toEqual([]);
    }
  });

  it('gives a medinfo that shows baclofen from /', () => {
    const { stdout, stderr, code } = medinfo(['show', 'baclofen']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Baclofen\nBrands: Lioresal/);
  });

  it('prints the package version', () => {
    expect(medinfo(['--version'])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it('compiles and reads a folder of monographs, with the compiler the package ships', () => {
    const folder = join(work, 'my-drugs');
    cpSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), join(folder, 'zopiclone.md'));
    expect(medinfo(['--data-dir', folder, 'show', 'zopiclone'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Zopiclone\n/) });
    const library = join(work, 'my-drugs.lib');
    expect(medinfo(['compile', folder, library]).code).toBe(0);
    expect(medinfo(['--data-dir', library, 'search', 'zopiclone']).stdout).toMatch(/^zopiclone\t/m);
  });

  it('imports an FDA label with the importer the package ships', () => {
    const { stdout, code } = medinfo(['import', join(root, 'test', 'fixtures', 'fda-labels', 'humira.xml')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\nname: "Adalimumab"\n/);
  });

  it('installs the man page where man finds it', () => {
    const page = join(prefix, 'share', 'man', 'man1', 'medinfo.1');
    expect(readdirSync(dirname(page))).toContain('medinfo.1');
    expect(readFileSync(page, 'utf8')).toMatch(/^\.TH MEDINFO 1 /);
  });
});
