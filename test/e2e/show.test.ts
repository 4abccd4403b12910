import { describe, expect, it } from 'vitest';
import { ESCAPE, json, medinfo } from './run';

describe('medinfo show', () => {
  it('prints the baclofen monograph: header, sections, figures, studies, sources and the reminder last', () => {
    const { stdout, stderr, code } = medinfo(['show', 'baclofen']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Baclofen\n/);
    expect(stdout).toContain('Brands: Lioresal, Gablofen, Ozobax, Lyvispah, Fleqsuvy');
    expect(stdout).toContain('Classes: muscle-relaxant, gaba-b-agonist, cns-depressant');
    for (const section of ['What baclofen is', 'How it works', 'Role in sleep', 'Research', 'When to use it', 'Side effects', 'What users report']) {
      expect(stdout).toContain(`\n${section}\n`);
    }
    expect(stdout).toContain('Side-effect figures');
    expect(stdout).toContain('Small-scale baclofen sleep study\t30\t30% of participants reported better sleep\t[1] article');
    expect(stdout).toContain('[1] Baclofen and Insomnia: Can It Help You Sleep Better? (article');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/reference information, not medical advice/);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it('show lioresal prints the baclofen monograph (brand names resolve, any case)', () => {
    const byBrand = medinfo(['show', 'LIORESAL']);
    expect(byBrand.code).toBe(0);
    expect(byBrand.stdout).toBe(medinfo(['show', 'baclofen']).stdout);
  });

  it('ignores accents in the name typed', () => {
    expect(medinfo(['show', 'Báclofen']).code).toBe(0);
  });

  it('show baclofin exits 1 suggesting baclofen, and never shows a look-alike instead', () => {
    const { stdout, stderr, code } = medinfo(['show', 'baclofin']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('medinfo: no drug named "baclofin"\ndid you mean: Baclofen?\n');
  });

  it('an unknown name with no look-alike says the library has no monograph for it and points at list and search', () => {
    const { stderr, code } = medinfo(['show', 'qqqqqq']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^medinfo: medinfo has no monograph for "qqqqqq" \(\d+ drugs in the library\)\n/);
    expect(stderr).toContain('medinfo list, or medinfo search');
  });

  it('--section side prints only the side-effects section', () => {
    const { stdout, code } = medinfo(['show', 'baclofen', '--section', 'side']);
    expect(code).toBe(0);
    expect(stdout).toContain('\nSide effects\n');
    expect(stdout).not.toContain('How it works');
    expect(stdout).not.toContain('Sources');
    expect(stdout).toMatch(/not medical advice.*\n$/);
  });

  it('an unknown section exits 1 and lists the sections there are', () => {
    const { stderr, code } = medinfo(['show', 'baclofen', '--section', 'zzz']);
    expect(code).toBe(1);
    expect(stderr).toContain('Baclofen has no section "zzz"');
    expect(stderr).toContain('sections: What baclofen is, How it works');
  });

  it('--json prints the monograph as data, with its slug and sources, and no reminder', () => {
    const monograph = json(['show', 'baclofen', '--json']);
    expect(monograph.slug).toBe('baclofen');
    expect(monograph.brands).toContain('Lioresal');
    expect(monograph.sections.map((s: { title: string }) => s.title)).toContain('Role in sleep');
    expect(monograph.sources.map((s: { id: string }) => s.id)).toContain('seed-article');
    expect(JSON.stringify(monograph)).not.toContain('medical advice');
  });

  it('--json --section gives just that section', () => {
    const out = json(['show', 'baclofen', '--section', 'research', '--json']);
    expect(out).toMatchObject({ slug: 'baclofen', section: { title: 'Research' } });
    expect(out.section.markdown).toContain('30 people');
  });

  it('prints the same bytes every time', () => {
    expect(medinfo(['show', 'baclofen']).stdout).toBe(medinfo(['show', 'baclofen']).stdout);
  });
});
