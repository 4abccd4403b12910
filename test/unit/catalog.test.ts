import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../../src/compile/compile-library';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { listDrugs, ownerOf, recordOf, resolveDrug } from '../../src/core/catalog';
import { NotFoundError } from '../../src/core/errors';
import { searchCatalog } from '../../src/core/search';
import { selectSideEffects } from '../../src/core/side-effects';
import { findSection } from '../../src/core/sections';
import { LibraryFiles } from '../../src/library/library-files';

const tags = new Set(['muscle-relaxant', 'gaba-b-agonist', 'cns-depressant', 'alcohol']);
const text = readFileSync(join(__dirname, '..', '..', 'data', 'baclofen.md'), 'utf8');
const baclofen = parseMonograph(text, 'baclofen.md', 'baclofen', tags);

/** A library compiled in memory from the given monographs. */
function library(...records: (typeof baclofen)[]) {
  const files = compileLibrary(records, { classes: Object.fromEntries([...tags].map((t) => [t, t])), duplicateTherapy: {}, effectTerms: {} });
  return new LibraryFiles((path) => files.get(path)!, 'test', 'rebuild');
}

function renamed(slug: string, name: string, brands: string[]) {
  return { ...baclofen, monograph: { ...baclofen.monograph, slug, name, brands, aliases: [] } };
}

describe('resolving a drug name', () => {
  const catalog = [library(baclofen, renamed('hydroxyzine', 'Hydroxyzine', ['Vistaril']))];

  it('finds by name, slug, brand and alias, ignoring case and accents', () => {
    for (const name of ['Baclofen', 'baclofen', 'LIORESAL', 'Ozobax', 'baclofène', 'baclofene']) {
      expect(resolveDrug(catalog, name).monograph.slug).toBe('baclofen');
    }
  });

  it('never substitutes a look-alike: a near miss is not found, with suggestions', () => {
    let error: unknown;
    try {
      resolveDrug(catalog, 'hydroxyzin');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('no drug named "hydroxyzin"');
    expect((error as NotFoundError).details).toEqual(['did you mean: Hydroxyzine?']);
  });

  it('prefers a user folder\'s drug over the bundled one with the same slug', () => {
    const user = library(renamed('baclofen', 'Baclofen (local)', []));
    expect(resolveDrug([user, ...catalog], 'lioresal').monograph.name).toBe('Baclofen (local)');
    expect(listDrugs([user, ...catalog]).map((d) => d.name)).toEqual(['Baclofen (local)', 'Hydroxyzine']);
  });

  it('applies the same rule to a slug with a hyphen (its name key has a space)', () => {
    const bundled = library(renamed('tylenol-pm', 'Tylenol PM', []));
    const user = library(renamed('tylenol-pm', 'Tylenol PM (local)', []));
    expect(recordOf([bundled], 'tylenol-pm').monograph.name).toBe('Tylenol PM');
    expect(ownerOf([user, bundled], 'tylenol-pm')).toBe(user);
    expect(recordOf([user, bundled], 'tylenol-pm').monograph.name).toBe('Tylenol PM (local)');
  });
});

describe('searching', () => {
  const catalog = [library(baclofen, renamed('hydroxyzine', 'Hydroxyzine', ['Vistaril']))];

  it('ranks a name match above a prose mention', () => {
    const hits = searchCatalog(catalog, 'baclofen', 10);
    expect(hits[0]?.slug).toBe('baclofen');
    expect(hits[0]?.matched[0]).toEqual({ field: 'name', value: 'baclofen' });
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('matches side-effect names and gives the same order every time', () => {
    const first = searchCatalog(catalog, 'dizzines', 10);
    expect(first.map((h) => h.slug)).toEqual(['baclofen', 'hydroxyzine']);
    expect(searchCatalog(catalog, 'dizzines', 10)).toEqual(first);
  });

  it('finds word prefixes in the prose', () => {
    expect(searchCatalog(catalog, 'spasm', 10)[0]?.matched).toContainEqual({ field: 'text', value: 'spasm' });
  });
});

describe('selecting side effects', () => {
  const rows = baclofen.monograph.side_effects;

  it('keeps disagreeing sources for the same effect next to each other', () => {
    const { measured } = selectSideEffects(rows, { sort: 'percent' });
    const effects = measured.map((r) => r.effect);
    expect(effects.slice(0, 3)).toEqual(['drowsiness', 'drowsiness', 'drowsiness']);
    expect(effects.indexOf('nausea') + 1).toBe(effects.lastIndexOf('nausea'));
  });

  it('--min drops the rows with only a frequency word', () => {
    const { unmeasured } = selectSideEffects(rows, { sort: 'percent', min: 1 });
    expect(unmeasured).toEqual([]);
  });
});

describe('finding a section', () => {
  it('by a word of its title, or with a typo', () => {
    const titles = baclofen.monograph.sections.map((s) => s.title);
    expect(titles[findSection(baclofen.monograph, 'side')]).toBe('Side effects');
    expect(titles[findSection(baclofen.monograph, 'reserch')]).toBe('Research');
  });
});
