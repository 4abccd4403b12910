import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { resolveDrug } from '../../src/core/catalog';
import { MedinfoError } from '../../src/core/errors';
import { nameKey } from '../../src/core/names';
import { searchCatalog } from '../../src/core/search';
import { sideEffectsReport } from '../../src/core/side-effects';
import { studiesReport } from '../../src/core/studies';
import type { Output } from '../../src/io/output';
import { clean, cleanLine, cleanMessage } from '../../src/io/sanitize';
import { renderJson } from '../../src/render/json';
import { renderList } from '../../src/render/list';
import { showReport } from '../../src/core/show';
import { renderShow } from '../../src/render/show';
import { pageText } from '../../src/render/page';
import { renderSideEffectsPage } from '../../src/render/side-effects';
import { renderStudiesPage } from '../../src/render/studies';
import { bundledLibrary } from '../../src/store/bundled';

// Anything a terminal may act on: C0 but tab and newline, DEL, C1, bidi controls.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// medinfo's own styling: SGR sequences only.
const SGR = /\u001b\[[0-9;]*m/g;

// Full unicode, weighted towards the characters that do harm.
const hostileChar = fc.oneof(
  fc.constantFrom('\u001b', '\u009b', '\u202e', '\u2066', '\u0007', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '[', ']', ';', '2J', '31m'),
  fc.string({ unit: 'grapheme', maxLength: 1 }),
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const hostile = fc.array(hostileChar, { maxLength: 40 }).map((parts) => parts.join(''));

const catalog = [bundledLibrary()];
const baclofen = resolveDrug(catalog, 'baclofen');

function output(isTerminal: boolean, level: 0 | 1): Output {
  return { isTerminal, color: level > 0, width: 80, style: new Chalk({ level }), out: () => {}, err: () => {}, note: () => {} };
}

/** What a user's terminal would act on, once medinfo's own styling is set aside. */
function expectInert(text: string): void {
  expect(text.replace(SGR, '')).not.toMatch(ACTIVE);
}

describe('text from arguments and data never reaches the terminal as control characters', () => {
  it('the sanitisers leave nothing active, and messages stay on one line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(clean(text)).not.toMatch(ACTIVE);
        expect(cleanLine(text)).not.toMatch(/[\r\n]/);
        expect(cleanLine(text)).not.toMatch(ACTIVE);
        expect(cleanMessage(text)).not.toMatch(/[\u0000-\u001f]/);
        expect(cleanMessage(text)).not.toMatch(ACTIVE);
      }),
      { numRuns: 500 },
    );
  });

  it('name resolution and search either answer or fail with a MedinfoError, never a crash', () => {
    fc.assert(
      fc.property(hostile, (query) => {
        nameKey(query);
        try {
          resolveDrug(catalog, query);
        } catch (error) {
          expect(error).toBeInstanceOf(MedinfoError);
        }
        searchCatalog(catalog, query, 5);
      }),
      { numRuns: 300 },
    );
  });

  it('every renderer shows hostile monograph text inertly, in color and without, on a terminal and piped', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, effect, prose) => {
        const m = baclofen.monograph;
        const monograph = {
          ...m,
          name,
          brands: [effect, ...m.brands],
          side_effects: m.side_effects.map((row, i) => (i === 0 ? { ...row, effect, note: prose } : row)),
          studies: m.studies.map((study, i) => (i === 0 ? { ...study, title: name, outcome: prose } : study)),
          interactions: m.interactions.map((row, i) => (i === 0 ? { ...row, effect: prose } : row)),
          sources: m.sources.map((source, i) => (i === 0 ? { ...source, title: prose } : source)),
          sections: m.sections.map((section, i) => (i === 0 ? { ...section, title: effect } : section)),
        };
        const blocks = baclofen.blocks.map((list, i) => (i === 0 ? [{ type: 'paragraph' as const, spans: [{ text: prose }, { text: name, bold: true as const }] }, ...list] : list));
        for (const isTerminal of [true, false]) {
          for (const level of [0, 1] as const) {
            const out = output(isTerminal, level);
            expectInert(renderShow(showReport({ monograph, blocks }), out));
            expectInert(pageText(renderSideEffectsPage(sideEffectsReport(monograph, { sort: 'percent' }), out)));
            expectInert(pageText(renderStudiesPage(studiesReport(monograph), out)));
            expectInert(pageText(renderList([{ slug: m.slug, name, brands: [effect], aliases: [], classes: [prose], uses: [], rx: 'rx' }], out)));
          }
        }
        expect(renderJson(monograph)).not.toMatch(ACTIVE);
      }),
      { numRuns: 60 },
    );
  });

  it('whatever the arguments, stdout and stderr carry nothing active', async () => {
    const commands = fc.constantFrom('show', 'side-effects', 'studies', 'search', 'list', 'help', 'nosuch');
    await fc.assert(
      fc.asyncProperty(commands, hostile, fc.constantFrom([], ['--json'], ['--section'], ['--min'], ['--class'], ['--limit']), async (command, word, option) => {
        let stdout = '';
        let stderr = '';
        const streams = {
          stdout: { isTTY: false, columns: undefined, write: (text: string) => void (stdout += text) },
          stderr: () => ({ write: (text: string) => (stderr += text) }),
          stdin: () => '',
          env: {},
        };
        const args = option.length === 1 && option[0] !== '--json' ? [command, 'baclofen', option[0]!, word] : [command, word, ...option];
        const code = await main(args, streams);
        expect([0, 1, 2]).toContain(code);
        expect(stdout).not.toMatch(ACTIVE);
        expect(stderr).not.toMatch(ACTIVE);
        // Every stderr line is one message: nothing from input can start a line of its own.
        for (const line of stderr.split('\n').slice(0, -1)) expect(line).toMatch(/^(medinfo: |did you mean: |try: |sections: |\(Did you mean )/);
      }),
      { numRuns: 200 },
    );
  });
});
