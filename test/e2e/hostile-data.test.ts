import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root, type Result, complaints } from './run';

// A hostile file in a monograph folder costs at most a few seconds, never runs
// code, and is skipped with one warning naming it; the other drugs still load.

const fixture = join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md');
const good = readFileSync(fixture, 'utf8');
const SECONDS = 5;

let base: string;
let folder: string;
let cache: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-hostile-'));
  folder = join(base, 'drugs');
  cache = join(base, 'cache');
  mkdirSync(folder);
  copyFileSync(fixture, join(folder, 'zopiclone.md'));
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

function timed(run: () => Result): Result & { seconds: number } {
  const start = performance.now();
  const result = run();
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

const showZopiclone = () => timed(() => medinfo(['--data-dir', folder, 'show', 'zopiclone'], { XDG_CACHE_HOME: cache }));

/** The fixture monograph under another slug, with its body replaced or extended. */
function variant(slug: string, edit: (text: string) => string = (text) => text): string {
  return edit(good.replace('slug: zopiclone', `slug: ${slug}`).replace('name: Zopiclone', `name: Drug ${slug}`).replace('brands: [Imovane, Zimovane]', 'brands: []'));
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a user sees: zopiclone shows, and stderr is exactly one warning, naming the file (and the line, where there is one) and why it was skipped. */
function expectSkipped(result: Result & { seconds: number }, name: string, reason: RegExp, line?: number): void {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^Zopiclone\n/);
  expect(result.stderr).toMatch(new RegExp(`^medinfo: warning: ${escaped(join(folder, name))}${line === undefined ? '' : `:${line}`}: ${reason.source} \\(skipped\\)\\n$`));
  expect(result.seconds).toBeLessThan(SECONDS);
}

describe('front matter that names a language is refused, and never run', () => {
  const marker = () => join(base, 'ran-code');
  // If a JavaScript front-matter engine evaluated this, it would write the marker file.
  const payload = () => `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker())}, 'ran'), { name: 'x' }`;

  it.each(['---js', '--- js', '---javascript', '---coffee', '---json'])('%s', (fence) => {
    writeFileSync(join(folder, 'evil.md'), `${fence}\n${payload()}\n---\n\n## Overview\n\nText.\n`);
    const shown = showZopiclone();
    expectSkipped(shown, 'evil.md', /front matter must be YAML, opened by a line of just --- \(this file opens with "[^"]+"\)/, 1);
    expect(shown.stderr).toContain(`opens with "${fence}"`);
    expect(existsSync(marker())).toBe(false);
  });

  it('medinfo compile refuses it too, and runs nothing', () => {
    writeFileSync(join(folder, 'evil.md'), `---js\n${payload()}\n---\n`);
    const library = join(base, 'drugs.lib');
    const compiled = timed(() => medinfo(['compile', folder, library], { XDG_CACHE_HOME: cache }));
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(`compiled 1 monograph from ${folder} into ${library}\n`);
    expect(compiled.stderr).toMatch(new RegExp(`^medinfo: warning: ${escaped(join(folder, 'evil.md'))}:1: front matter must be YAML.* \\(skipped\\)\\n$`));
    expect(existsSync(marker())).toBe(false);
    expect(medinfo(['--data-dir', library, 'show', 'imovane'], { XDG_CACHE_HOME: cache }).stdout).toMatch(/^Zopiclone\n/);
  });
});

describe('entries that are not regular files are skipped, not read', () => {
  it('a FIFO named x.md does not hang the tool', () => {
    execFileSync('mkfifo', [join(folder, 'x.md')]);
    expectSkipped(showZopiclone(), 'x.md', /is a FIFO \(named pipe\), not a regular file/);
  });

  it('medinfo compile skips a FIFO too', () => {
    execFileSync('mkfifo', [join(folder, 'x.md')]);
    const compiled = timed(() => medinfo(['compile', folder, join(base, 'out')], { XDG_CACHE_HOME: cache }));
    expect(compiled.code).toBe(0);
    expect(compiled.stderr).toMatch(/x\.md: is a FIFO \(named pipe\), not a regular file \(skipped\)\n$/);
    expect(compiled.seconds).toBeLessThan(SECONDS);
  });

  it('a symbolic link to /dev/zero is not read', () => {
    symlinkSync('/dev/zero', join(folder, 'z.md'));
    expectSkipped(showZopiclone(), 'z.md', /is a device, not a regular file/);
  });

  it('a symbolic link loop', () => {
    symlinkSync('loop.md', join(folder, 'loop.md'));
    expectSkipped(showZopiclone(), 'loop.md', /is a symbolic link that loops \(or passes through too many links\)/);
  });

  it('a folder named d.md', () => {
    mkdirSync(join(folder, 'd.md'));
    expectSkipped(showZopiclone(), 'd.md', /is a folder, not a regular file/);
  });

  it('the same warnings come back when the compiled folder is served from the cache', () => {
    symlinkSync('loop.md', join(folder, 'loop.md'));
    showZopiclone();
    expectSkipped(showZopiclone(), 'loop.md', /is a symbolic link that loops .*/);
  });
});

describe('an unreadable file', () => {
  // Root reads a chmod 000 file regardless, so as root the run drops to the user nobody.
  const asRoot = process.getuid?.() === 0;
  const nobody = 65534;
  const nobodyCanRun =
    !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(root, 'dist', 'cli.cjs'))})`], { uid: nobody, gid: nobody }).status === 0;

  it.skipIf(!nobodyCanRun)('is skipped with "permission denied" (as root: run as nobody, which cannot read this checkout otherwise)', () => {
    const file = join(folder, 'locked.md');
    writeFileSync(file, variant('locked'));
    chmodSync(file, 0o000);
    if (asRoot) {
      for (const path of [base, folder]) chmodSync(path, 0o755);
      mkdirSync(cache, { mode: 0o777 });
      chmodSync(cache, 0o777);
    }
    const result = timed(() => {
      const child = spawnSync(process.execPath, [join(root, 'bin', 'medinfo'), '--data-dir', folder, 'show', 'zopiclone'], {
        env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: nobody, gid: nobody } : {}),
      });
      return { stdout: child.stdout, stderr: child.stderr, code: child.status };
    });
    expectSkipped(result, 'locked.md', /cannot be read \(permission denied\)/);
  });
});

describe('files that would cost seconds or gigabytes', () => {
  it('a YAML alias bomb is refused without expanding it', () => {
    const levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    writeFileSync(join(folder, 'bomb.md'), `---\n${levels.join('\n')}\n---\n`);
    expectSkipped(showZopiclone(), 'bomb.md', /front matter uses a YAML alias \(\*name\); monographs must write every value out/, 3);
  });

  it('deeply nested YAML', () => {
    writeFileSync(join(folder, 'deep.md'), `---\nname: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`);
    expectSkipped(showZopiclone(), 'deep.md', /front matter is nested more than 16 levels deep/, 2);
  });

  it('a 3,000-deep nested markdown list', () => {
    writeFileSync(join(folder, 'list.md'), variant('list', (text) => `${text}\n${'- '.repeat(3000)}item\n`));
    expectSkipped(showZopiclone(), 'list.md', /lists or block quotes are nested more than 16 levels deep/, 26);
  });

  it('3,000 nested block quotes', () => {
    writeFileSync(join(folder, 'quotes.md'), variant('quotes', (text) => `${text}\n${'>'.repeat(3000)} deep\n`));
    expectSkipped(showZopiclone(), 'quotes.md', /lists or block quotes are nested more than 16 levels deep/, 26);
  });

  it('a 3,000-deep list written with indentation is 9 MB, over the size cap', () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n');
    writeFileSync(join(folder, 'indented.md'), variant('indented', (text) => `${text}\n${list}\n`));
    expectSkipped(showZopiclone(), 'indented.md', /is [\d,]+ bytes, more than the 1,048,576 bytes a monograph may have/);
  });

  it('a 2 MB file is not read (the cap is 1 MiB)', () => {
    writeFileSync(join(folder, 'big.md'), variant('big', (text) => `${text}\n${'word '.repeat(419_431)}\n`));
    expectSkipped(showZopiclone(), 'big.md', /is 2,\d{3},\d{3} bytes, more than the 1,048,576 bytes a monograph may have/);
  });

  it('250,000 side-effect rows are over the cap (the parser itself is tested with them in unit tests)', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `  - {effect: effect ${i}, percent: 5, source: test-fixture}`).join('\n');
    writeFileSync(join(folder, 'rows.md'), variant('rows', (text) => text.replace('side_effects:\n', `side_effects:\n${rows}\n`)));
    expectSkipped(showZopiclone(), 'rows.md', /is [\d,]+ bytes, more than the 1,048,576 bytes a monograph may have/);
  });
});

describe('long but valid text loads quickly', () => {
  it('a line with 100,000 spaces in it', () => {
    writeFileSync(join(folder, 'spaces.md'), variant('spaces', (text) => `${text}\nStart${' '.repeat(100_000)}end.\n`));
    const shown = timed(() => medinfo(['--data-dir', folder, 'show', 'spaces', '--json'], { XDG_CACHE_HOME: cache }));
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toBe('');
    expect(shown.stdout).toContain(`Start${' '.repeat(100_000)}end.`);
    expect(shown.seconds).toBeLessThan(SECONDS);
    expect(showZopiclone().stdout).toMatch(/^Zopiclone\n/);
  });

  it('show prints a line with 100,000 spaces as text, cached runs too', () => {
    writeFileSync(join(folder, 'spaces.md'), variant('spaces', (text) => `${text}\nStart${' '.repeat(100_000)}end.\n`));
    for (let run = 0; run < 2; run++) {
      const shown = timed(() => medinfo(['--data-dir', folder, 'show', 'spaces'], { XDG_CACHE_HOME: cache }));
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain('end.');
      expect(shown.seconds).toBeLessThan(SECONDS);
    }
  });

  it('search through a section of 300,000 blank-looking lines', () => {
    writeFileSync(join(folder, 'blank.md'), variant('blank', (text) => `${text}\nFirst.\n${'  \n'.repeat(300_000)}Quokkas are mentioned here.\n`));
    const found = timed(() => medinfo(['--data-dir', folder, 'search', 'quokkas'], { XDG_CACHE_HOME: cache }));
    expect(found.code, found.stderr).toBe(0);
    expect(complaints(found.stderr)).toBe('');
    expect(found.stdout).toContain('blank');
    expect(found.seconds).toBeLessThan(SECONDS);
  });
});
