import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESCAPE, hasScript, medinfo, terminal } from './run';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
const plain = (text: string) => text.replace(SGR, '');
const BOX = /[┌┬┐├┼┤└┴┘│]/;

const TABLE_COMMANDS = [
  ['side-effects', 'ambien'],
  ['studies', 'baclofen'],
  ['interactions', 'baclofen', 'zolpidem', 'tramadol', 'sertraline', 'alcohol'],
  ['compare', 'baclofen', 'tizanidine', 'cyclobenzaprine'],
  ['effect', 'drowsiness'],
  ['search', 'dizziness'],
  ['list'],
];

function tooWide(text: string, width: number): string[] {
  return plain(text)
    .split('\n')
    .filter((line) => [...line].length > width);
}

describe.skipIf(!hasScript)('tables on a terminal', () => {
  for (const width of [60, 80, 200]) {
    for (const args of TABLE_COMMANDS) {
      it(`medinfo ${args.join(' ')} fits a ${width}-column terminal`, () => {
        const result = terminal(['--no-pager', ...args], { columns: width });
        expect(result.code).toBe(0);
        expect(tooWide(result.stdout, width)).toEqual([]);
        // compare's three columns of figures do not fit 60 columns whole: it stacks there. So does the
        // interactions list, whose severity column holds "contraindicated" (zolpidem + alcohol).
        const stacksAt60 = args[0] === 'compare' || args[0] === 'interactions';
        if (args[0] !== 'list' && !(stacksAt60 && width === 60)) expect(result.stdout, 'a table drawn in a box').toMatch(BOX);
      });
    }
  }

  for (const args of TABLE_COMMANDS.filter(([name]) => name !== 'list')) {
    it(`under 60 columns medinfo ${args.join(' ')} stacks each row into a block`, () => {
      const result = terminal(['--no-pager', ...args], { columns: 59 });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(BOX);
      expect(tooWide(result.stdout, 59)).toEqual([]);
    });
  }

  it('a stacked side-effect row names each column', () => {
    const text = plain(terminal(['--no-pager', 'side-effects', 'baclofen'], { columns: 50 }).stdout);
    expect(text).toMatch(/\nEffect: drowsiness — transient; range across\n {2}studies\nPatients: 10–63%\nSource: \[2\] label\n/);
  });

  it('under 60 columns list puts the classes under the names', () => {
    const text = plain(terminal(['--no-pager', 'list'], { columns: 59 }).stdout);
    expect(text).toMatch(/\nbaclofen +Baclofen\n {4}muscle-relaxant, gaba-b-agonist, cns-depressant\n/);
  });

  it('a wide terminal shows a long interaction target whole, and keeps prose to 100 columns', () => {
    const text = plain(terminal(['--no-pager', 'show', 'zolpidem'], { columns: 220 }).stdout);
    expect(text).toMatch(/│ strong-cyp3a4-inhibitor +│/);
    const prose = text.split('\n').filter((line) => !BOX.test(line));
    expect(prose.filter((line) => line.length > 100)).toEqual([]);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeGreaterThan(100);
  });

  it('COLUMNS overrides the width the terminal reports', () => {
    const result = terminal(['--no-pager', 'side-effects', 'ambien'], { columns: 200, env: { COLUMNS: '60' } });
    expect(tooWide(result.stdout, 60)).toEqual([]);
    expect(result.stdout).toMatch(BOX);
    expect(plain(terminal(['--no-pager', 'side-effects', 'ambien'], { columns: 200, env: { COLUMNS: '50' } }).stdout)).toContain('Effect: dizziness');
  });

  it('the not-medical-advice reminder wraps like prose', () => {
    const text = plain(terminal(['--no-pager', 'show', 'baclofen'], { columns: 80 }).stdout);
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      'medinfo is reference information, not medical advice: ask a pharmacist or doctor',
      'before acting on it.',
    ]);
  });
});

describe('tables piped', () => {
  it('stay tab-separated whatever COLUMNS says', () => {
    const narrow = medinfo(['studies', 'baclofen'], { COLUMNS: '40' });
    expect(narrow.stdout).toBe(medinfo(['studies', 'baclofen']).stdout);
    expect(narrow.stdout.split('\n')[0]).toMatch(/^Small-scale baclofen sleep study\t30\t/);
    expect(narrow.stdout).not.toMatch(BOX);
  });
});

describe('color and --pretty', () => {
  it('--color always colors a pipe, --color never and --no-color do not, even with FORCE_COLOR', () => {
    expect(medinfo(['--color', 'always', 'show', 'baclofen']).stdout).toMatch(ESCAPE);
    expect(medinfo(['show', 'baclofen', '--color=always'], { NO_COLOR: '1' }).stdout).toMatch(ESCAPE);
    expect(medinfo(['--color', 'never', 'show', 'baclofen'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
    expect(medinfo(['--color=auto', 'show', 'baclofen']).stdout).not.toMatch(ESCAPE);
    expect(medinfo(['--color=auto', 'show', 'baclofen'], { FORCE_COLOR: '1' }).stdout).toMatch(ESCAPE);
  });

  it('the last of --color and --no-color wins', () => {
    expect(medinfo(['--no-color', '--color', 'always', 'show', 'baclofen']).stdout).toMatch(ESCAPE);
    expect(medinfo(['--color', 'always', '--no-color', 'show', 'baclofen']).stdout).not.toMatch(ESCAPE);
  });

  it('an unknown --color value is a usage error', () => {
    const result = medinfo(['--color', 'sometimes', 'show', 'baclofen']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^medinfo: .*--color.*sometimes.*auto, always, never/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.skipIf(!hasScript)('a terminal is colored with auto, not with --color never', () => {
    expect(terminal(['--no-pager', 'show', 'baclofen']).stdout).toMatch(ESCAPE);
    expect(terminal(['--no-pager', '--color', 'never', 'show', 'baclofen']).stdout).not.toMatch(ESCAPE);
    expect(terminal(['--no-pager', 'show', 'baclofen'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
  });

  it('--pretty through a pipe gives boxed tables, wrapped prose and color', () => {
    const result = medinfo(['show', 'baclofen', '--pretty'], { COLUMNS: '80' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ESCAPE);
    expect(result.stdout).toMatch(/\n┌─+┬/);
    expect(result.stdout).not.toContain('\t');
    expect(tooWide(result.stdout, 80)).toEqual([]);
    expect(plain(result.stdout)).toContain('  • Arthur Bannister');
  });

  it('--pretty --no-color lays out for a terminal without color; a table page stays whole on stdout', () => {
    const result = medinfo(['side-effects', 'ambien', '--pretty', '--no-color'], { COLUMNS: '70' });
    expect(result.stdout).not.toMatch(ESCAPE);
    expect(result.stdout).toMatch(/^Zolpidem — side effects\n┌/);
    expect(result.stdout).toContain('not medical advice');
    expect(result.stderr).toBe('');
    expect(tooWide(result.stdout, 70)).toEqual([]);
  });

  it.skipIf(!hasScript)('--pretty through a pipe looks as it does on a terminal', () => {
    const onTerminal = terminal(['--no-pager', 'interactions', 'baclofen', 'zolpidem', '--color', 'always'], { columns: 90 }).stdout;
    expect(medinfo(['interactions', 'baclofen', 'zolpidem', '--pretty'], { COLUMNS: '90' }).stdout).toBe(onTerminal);
  });
});

describe.skipIf(!hasScript)('the pager', () => {
  const folder = mkdtempSync(join(tmpdir(), 'medinfo-pager-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let count = 0;

  /** A stand-in pager: records its arguments, then copies what it is given to a file; `body` runs after. */
  function standIn(body = ''): { command: string; ran: () => string | undefined; paged: () => string } {
    const name = `pager-${++count}`;
    const script = join(folder, `${name}.sh`);
    writeFileSync(script, `#!/bin/sh\necho "$@" > '${folder}/${name}.ran'\ncat > '${folder}/${name}.out'\n${body}\n`);
    chmodSync(script, 0o755);
    const ran = join(folder, `${name}.ran`);
    return {
      command: script,
      ran: () => (existsSync(ran) ? readFileSync(ran, 'utf8').trim() : undefined),
      paged: () => readFileSync(join(folder, `${name}.out`), 'utf8'),
    };
  }

  it('pages show tramadol on a terminal lower than it, keeping its colors and layout', () => {
    const pager = standIn();
    const result = terminal(['show', 'tramadol'], { rows: 20, columns: 80, env: { PAGER: `${pager.command} -x` } });
    expect(result.code).toBe(0);
    expect(pager.ran()).toBe('-x');
    expect(result.stdout).not.toContain('Tramadol');
    const direct = terminal(['--no-pager', 'show', 'tramadol'], { columns: 80 }).stdout;
    expect(pager.paged()).toBe(direct);
    expect(pager.paged()).toMatch(ESCAPE);
    expect(pager.paged()).toMatch(/\n┌─+┬/);
  });

  it('gives less its colors (LESS=FRX) unless LESS is set', () => {
    const less = join(folder, 'less-env.sh');
    writeFileSync(less, `#!/bin/sh\necho "$LESS" > '${folder}/less-env'\ncat > /dev/null\n`);
    chmodSync(less, 0o755);
    terminal(['show', 'tramadol'], { rows: 20, env: { PAGER: less } });
    expect(readFileSync(join(folder, 'less-env'), 'utf8')).toBe('FRX\n');
    terminal(['show', 'tramadol'], { rows: 20, env: { PAGER: less, LESS: '-S' } });
    expect(readFileSync(join(folder, 'less-env'), 'utf8')).toBe('-S\n');
  });

  it('MEDINFO_PAGER wins over PAGER; an empty one counts as unset', () => {
    const mine = standIn();
    const theirs = standIn();
    terminal(['show', 'tramadol'], { rows: 20, env: { MEDINFO_PAGER: mine.command, PAGER: theirs.command } });
    expect(mine.ran()).toBe('');
    expect(theirs.ran()).toBeUndefined();
    terminal(['show', 'tramadol'], { rows: 20, env: { MEDINFO_PAGER: '', PAGER: theirs.command } });
    expect(theirs.ran()).toBe('');
  });

  it('splits the pager setting into words as a shell would, quotes included, but runs no shell', () => {
    const pager = standIn();
    terminal(['show', 'tramadol'], { rows: 20, env: { PAGER: `${pager.command} -R 'two words' "a;b" $HOME` } });
    expect(pager.ran()).toBe('-R two words a;b $HOME');
  });

  it('does not page what fits the screen, with --no-pager, or when stdout is not a terminal', () => {
    const pager = standIn();
    const short = terminal(['show', 'baclofen', '--section', 'uses'], { rows: 40, env: { PAGER: pager.command } });
    expect(plain(short.stdout)).toMatch(/^Baclofen\n/);
    expect(pager.ran()).toBeUndefined();
    const unpaged = terminal(['--no-pager', 'show', 'tramadol'], { rows: 20, env: { PAGER: pager.command } });
    expect(plain(unpaged.stdout)).toMatch(/^Tramadol\n/);
    expect(pager.ran()).toBeUndefined();
    const piped = medinfo(['show', 'tramadol'], { PAGER: pager.command });
    expect(piped.stdout).toMatch(/^Tramadol\n/);
    expect(pager.ran()).toBeUndefined();
  });

  it('a pager that cannot be started, or cat, prints directly with no error', () => {
    const direct = terminal(['--no-pager', 'show', 'tramadol']).stdout;
    for (const PAGER of [join(folder, 'no-such-pager'), 'cat']) {
      const result = terminal(['show', 'tramadol'], { rows: 20, env: { PAGER } });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(direct);
    }
  });

  it('a pager that quits before reading everything is a normal end', () => {
    const pager = join(folder, 'quits.sh');
    writeFileSync(pager, '#!/bin/sh\nhead -c 100 > /dev/null\n');
    chmodSync(pager, 0o755);
    // More than a pipe holds, so that medinfo is still writing when the pager has gone.
    const every = medinfo(['list', '--names']).stdout.trim().split('\n');
    const result = terminal(['show', ...every], { rows: 20, env: { PAGER: pager } });
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('Ctrl-C while the pager runs leaves it to the pager: medinfo waits for it and ends normally', () => {
    // The terminal sends SIGINT to the whole foreground group; the stand-in sends it the same way.
    // The stand-in, like less, lives through the Ctrl-C.
    const pager = standIn(`trap '' INT\nkill -INT 0\nsleep 0.3\necho after >> '${folder}/interrupted'`);
    const result = terminal(['show', 'tramadol'], { rows: 20, env: { PAGER: pager.command } });
    expect(result.code).toBe(0);
    expect(readFileSync(join(folder, 'interrupted'), 'utf8')).toBe('after\n');
  });

  it('stderr lines come after the paged output, and in their place when nothing is paged', () => {
    const pager = standIn("echo '(the pager)'");
    const paged = terminal(['show', 'tramadol', 'baclofin'], { rows: 20, env: { PAGER: pager.command } });
    expect(paged.code).toBe(1);
    expect(pager.paged()).toContain('Tramadol');
    expect(pager.paged()).not.toContain('baclofin');
    expect(paged.stdout).toBe('(the pager)\nmedinfo: no drug named "baclofin"\ndid you mean: Baclofen?\nmedinfo: 1 of 2 names were not found\n');
    const short = plain(terminal(['show', 'baclofen', 'baclofin', '--section', 'uses'], { rows: 40, env: { PAGER: pager.command } }).stdout);
    expect(short).toMatch(/^Baclofen\n[^]*\nmedinfo: no drug named "baclofin"\ndid you mean: Baclofen\?\nmedinfo: 1 of 2 names were not found\n$/);
  });
});
