import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { medinfo } from './run';

const monographs = readdirSync(join(__dirname, '..', '..', 'data')).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));

describe('what the bundled library shows', () => {
  it('show hydroxyzine warns that it is often confused with hydralazine, and the other way round', () => {
    expect(medinfo(['show', 'hydroxyzine']).stdout).toContain('\nOften confused with: hydralazine\n');
    expect(medinfo(['show', 'hydralazine']).stdout).toMatch(/\nOften confused with: .*hydroxyzine/);
  });

  it('side-effects keeps the rows of one effect together, highest figure first', () => {
    const rows = medinfo(['side-effects', 'baclofen']).stdout.split('\n').slice(0, 3).map((line) => line.split('\t').slice(0, 4));
    expect(rows).toEqual([
      ['drowsiness', '10–63%', '', '[2] label'],
      ['drowsiness', '63%', '36%', '[2] label'],
      ['drowsiness', '30%', '', '[1] article'],
    ]);
  });

  it('search ranks the drug whose name matches above drugs that only mention it', () => {
    expect(medinfo(['search', 'hydralazine']).stdout).toMatch(/^hydralazine\tname: Hydralazine/);
    expect(medinfo(['search', 'tramadol']).stdout).toMatch(/^tramadol\tname: Tramadol/);
  });

  it('list prints every monograph of the library, one per line', () => {
    const slugs = medinfo(['list']).stdout.trimEnd().split('\n').map((line) => line.split('\t')[0]);
    expect(slugs.sort()).toEqual(monographs.sort());
    expect(slugs.length).toBeGreaterThanOrEqual(100);
  });

  it('show sonata and show seroquel warn of the look-alikes Soriatane and Serzone', () => {
    expect(medinfo(['show', 'sonata']).stdout).toContain('\nOften confused with: Soriatane (acitretin)\n');
    expect(medinfo(['show', 'seroquel']).stdout).toContain('\nOften confused with: Serzone (nefazodone)\n');
  });
});
