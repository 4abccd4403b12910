import { listDrugs, resolveDrug } from './core/catalog.js';
import { searchCatalog } from './core/search.js';
import { presentHit } from './core/search-result.js';
import { sideEffectsReport } from './core/side-effects.js';
import { studiesReport } from './core/studies.js';
import { renderJson } from './render/json.js';
import { renderList } from './render/list.js';
import { createOutput } from './render/output.js';
import { renderSearch } from './render/search.js';
import { renderShow } from './render/show.js';
import { renderSideEffectsPage } from './render/side-effects.js';
import { renderStudiesPage } from './render/studies.js';
import { bundledLibrary } from './store/bundled.js';

/**
 * Runs one command's code on the bundled library, for a terminal and for a
 * pipe, with and without a did-you-mean miss, and throws the text away. The
 * launcher (bin/medinfo) keeps a V8 code cache per command and calls this just
 * before writing it: a cache holds only functions that have run, so without it
 * the first run would decide what later runs find compiled (a miss after a
 * first hit, say, would compile the suggestion code every time).
 */
export function warmUp(command: string): void {
  const catalog = [bundledLibrary()];
  try {
    resolveDrug(catalog, 'baclofin');
  } catch {
    // the did-you-mean path is the point
  }
  for (const isTTY of [true, false]) {
    const output = createOutput({
      stdout: { isTTY, columns: 80, write: () => undefined },
      stderr: () => process.stderr,
      env: {},
      colorFlag: true,
    });
    const record = resolveDrug(catalog, 'lioresal');
    const { monograph } = record;
    if (command === 'show') renderShow(record, output);
    if (command === 'side-effects') renderSideEffectsPage(monograph, sideEffectsReport(monograph, { sort: 'percent' }), output);
    if (command === 'studies') renderStudiesPage(monograph, studiesReport(monograph), output);
    if (command === 'list') renderList(listDrugs(catalog), output);
    if (command === 'search') {
      const words = ['muscle', 'spasm'];
      renderSearch(searchCatalog(catalog, 'muscle spasm', 10).map((hit) => presentHit(hit, catalog[0]!.record(hit.slug).monograph, words)), output);
    }
  }
  renderJson(catalog[0]!.record('baclofen').monograph);
}
