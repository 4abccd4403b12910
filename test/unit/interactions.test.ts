import { describe, expect, it } from 'vitest';
import { checkInteractions, reachesSeverity } from '../../src/core/interactions';
import type { Interaction, Monograph } from '../../src/core/monograph';

const source = { id: 's', title: 'A test source', kind: 'label' as const };

function drug(slug: string, classes: string[], interactions: Array<Omit<Interaction, 'source'>> = []): Monograph {
  return {
    name: slug[0]!.toUpperCase() + slug.slice(1),
    slug,
    aliases: [],
    brands: [],
    classes,
    uses: ['testing'],
    rx: 'prescription',
    reviewed: '2026-12-01',
    look_alikes: [],
    side_effects: [],
    studies: [],
    interactions: interactions.map((row) => ({ ...row, source: 's' })),
    sources: [source],
    sections: [],
  };
}

const relaxant = drug('relaxant', ['cns-depressant'], [{ with: 'cns-depressant', severity: 'major', effect: 'More sedation.', management: 'Avoid.' }]);
const sleeper = drug('sleeper', ['cns-depressant', 'hypnotic'], [{ with: 'cns-depressant', severity: 'moderate', effect: 'Next-day impairment.' }]);
const painkiller = drug('painkiller', ['opioid', 'serotonergic'], [{ with: 'serotonergic', severity: 'major', effect: 'Serotonin syndrome.' }]);
const mood = drug('mood', ['ssri', 'serotonergic']);
const mood2 = drug('mood-two', ['ssri', 'serotonergic']);

describe('checking a medication list', () => {
  it('matches an entry against the other drug\'s class tags, and reports a pair once at its most severe grade with both sides', () => {
    const report = checkInteractions([{ monograph: relaxant }, { monograph: sleeper }], {});
    expect(report.pairs_checked).toBe(1);
    expect(report.interactions).toHaveLength(1);
    const [finding] = report.interactions;
    expect(finding!.severity).toBe('major');
    expect(finding!.entries.map((e) => [e.in, e.link, e.severity])).toEqual([
      ['relaxant', 'cns-depressant', 'major'],
      ['sleeper', 'cns-depressant', 'moderate'],
    ]);
    expect(finding!.entries[0]!.management).toBe('Avoid.');
    expect(finding!.entries[0]!.source.title).toBe('A test source');
  });

  it('finds a pair written in only one monograph, whichever comes first in the list', () => {
    for (const list of [[painkiller, mood], [mood, painkiller]]) {
      const report = checkInteractions(list.map((monograph) => ({ monograph })), {});
      expect(report.interactions.map((f) => f.drugs)).toEqual([list.map((m) => m.slug)]);
    }
  });

  it('checks every pair and sorts the findings most severe first', () => {
    const report = checkInteractions([sleeper, painkiller, relaxant, mood].map((monograph) => ({ monograph })), {});
    expect(report.pairs_checked).toBe(6);
    expect(report.interactions.map((f) => `${f.severity} ${f.drugs.join('+')}`)).toEqual(['major sleeper+relaxant', 'major painkiller+mood']);
    expect(reachesSeverity(report, 'major')).toBe(true);
    expect(reachesSeverity(report, 'contraindicated')).toBe(false);
  });

  it('warns of duplicate therapy for a marked class, and of the same ingredient twice', () => {
    const marked = { ssri: 'Two SSRIs raise the risk of serotonin syndrome.' };
    const report = checkInteractions([{ monograph: mood }, { monograph: mood2 }, { monograph: mood, via: 'Combo' }], marked);
    expect(report.duplicate_therapy.map((d) => [d.drugs.join('+'), d.class])).toEqual([
      ['mood+mood-two', 'ssri'],
      ['mood+mood', 'same-ingredient'],
      ['mood-two+mood', 'ssri'],
    ]);
    expect(checkInteractions([{ monograph: mood }, { monograph: mood2 }], {}).duplicate_therapy).toEqual([]);
  });
});
