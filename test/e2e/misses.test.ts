import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const lines = (text: string) => text.split('\n').filter(Boolean);
/** How many drugs `list` shows: the number a miss must name. */
const drugsListed = (args: string[] = []) => lines(medinfo([...args, 'list', '--names']).stdout).length;
const bundled = drugsListed();
const NO_HITS = 'try: medinfo list, or medinfo search <words>\n';

describe('a name that is not near any drug', () => {
  it('show valium says the library has no monograph for it, with the number of drugs, and offers no far-off drug', () => {
    const { stdout, stderr, code } = medinfo(['show', 'valium']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`medinfo: medinfo has no monograph for "valium" (${bundled} drugs in the library)\n${NO_HITS}`);
  });

  it('names only search hits whose text really has the word: search dizzyness\'s typo matches (dizziness) are not hits', () => {
    expect(medinfo(['search', 'dizzyness']).stdout).toContain('side effect: dizziness');
    expect(medinfo(['show', 'dizzyness']).stderr).toBe(`medinfo: medinfo has no monograph for "dizzyness" (${bundled} drugs in the library)\n${NO_HITS}`);
  });

  it('names the drugs whose text mentions the word, and the search that finds them', () => {
    const { stderr, code } = medinfo(['show', 'insomnia']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^medinfo: medinfo has no monograph for "insomnia" \(\d+ drugs in the library\)\nsearch finds: .*Ramelteon.* \(medinfo search insomnia\)\n$/);
    expect(stderr).not.toContain('did you mean');
  });

  it('quotes a search of several words as it would be typed', () => {
    expect(medinfo(['show', 'blood thinner']).stderr).toMatch(/\nsearch finds: .*Warfarin.* \(medinfo search "blood thinner"\)\n$/);
  });

  it('a word that is part of many names (a salt) names no drug as one it ends, only where it is written', () => {
    const { stderr } = medinfo(['show', 'hydrochloride']);
    expect(stderr).not.toContain('only ends like');
    expect(stderr).toMatch(/\nsearch finds: .*Hydroxyzine.* \(medinfo search hydrochloride\)\n$/);
  });

  it('a word of fewer than four letters is a hit only as a whole word: ssr is not in "SSRI"', () => {
    expect(medinfo(['show', 'ssr']).stderr).toBe(`medinfo: medinfo has no monograph for "ssr" (${bundled} drugs in the library)\n${NO_HITS}`);
  });

  it('counts the drugs of a user folder too, a drug that replaces a bundled one once', () => {
    const folder = userFolder({ 'zopiclone.md': zopiclone(), 'baclofen.md': zopiclone({ slug: 'baclofen', name: 'Baclofen (local)', brands: '[]' }) });
    const { stderr, code } = medinfo(['--data-dir', folder, 'show', 'valium'], { XDG_CACHE_HOME: join(folder, '..', 'cache') });
    expect(code).toBe(1);
    expect(drugsListed(['--data-dir', folder])).toBe(bundled + 1);
    expect(stderr).toBe(`medinfo: medinfo has no monograph for "valium" (${bundled + 1} drugs in the library)\n${NO_HITS}`);
  });
});

describe('a near typo', () => {
  const typos: Array<[string, string]> = [
    ['baclofin', 'Baclofen'],
    ['zolpidm', 'Zolpidem'],
    ['gabapenten', 'Gabapentin'],
    ['lorazepem', 'Lorazepam'],
    ['ambein', 'Ambien (Zolpidem)'],
    ['seroquil', 'Seroquel (Quetiapine)'],
    ['xanex', 'Xanax (Alprazolam)'],
    ['klonopine', 'Klonopin (Clonazepam)'],
    // Two letters swapped leave a short name no three-letter piece in common with the typo.
    ['mortin', 'Motrin (Ibuprofen)'],
    ['amiben', 'Ambien (Zolpidem)'],
    ['atvian', 'Ativan (Lorazepam)'],
  ];
  it.each(typos)('show %s suggests %s, and nothing else', (typed, meant) => {
    const { stdout, stderr, code } = medinfo(['show', typed]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // lorazepam is listed as a look-alike by alprazolam and clonazepam, but it is a drug of the library: no note.
    expect(stderr).toBe(`medinfo: no drug named "${typed}"\ndid you mean: ${meant}?\n`);
  });

  it('shows a brand as the monograph writes it, with its drug\'s name', () => {
    expect(medinfo(['show', 'toprol']).stderr).toContain('did you mean: Toprol-XL (Metoprolol)?');
    expect(medinfo(['show', 'toprolxl']).stderr).toContain('did you mean: Toprol-XL (Metoprolol)?');
    expect(medinfo(['show', 'unisom']).stderr).toContain('did you mean: Unisom SleepGels (Diphenhydramine), Unisom SleepTabs (Doxylamine)?');
  });

  it('takes the start of a name, but only as it is spelled: hydro is hydroxyzine\'s start, not hydralazine\'s', () => {
    expect(medinfo(['show', 'gaba']).stderr).toBe('medinfo: no drug named "gaba"\ndid you mean: Gabapentin?\n');
    expect(medinfo(['show', 'hydro']).stderr).toBe('medinfo: no drug named "hydro"\ndid you mean: Hydrochlorothiazide, Hydrocodone, Hydroxyzine?\n');
  });

  it('a name typed with more words after it is offered, each word held to its own slips', () => {
    expect(medinfo(['show', 'metoprolol-xl']).stderr).toBe('medinfo: no drug named "metoprolol-xl"\ndid you mean: Metoprolol?\n');
    expect(medinfo(['show', 'advil pn']).stderr).toBe('medinfo: no drug named "advil pn"\ndid you mean: Advil PM, Advil (Ibuprofen)?\n');
    expect(medinfo(['show', 'tylenol xx']).stderr).toBe('medinfo: no drug named "tylenol xx"\ndid you mean: Tylenol (Acetaminophen)?\n');
    expect(medinfo(['show', 'tylenol p']).stderr).toBe('medinfo: no drug named "tylenol p"\ndid you mean: Tylenol PM, Tylenol (Acetaminophen)?\n');
  });

  it('a drug\'s own name is shown rather than the salt that came near', () => {
    expect(medinfo(['show', 'hydroxyzin']).stderr).toBe('medinfo: no drug named "hydroxyzin"\ndid you mean: Hydroxyzine?\n');
    // Many names share "hydrochloride": the name clonidine is not among the candidates, only the alias is.
    expect(medinfo(['show', 'conidine hydrochloride']).stderr).toBe('medinfo: no drug named "conidine hydrochloride"\ndid you mean: Clonidine?\n');
  });

  it('a slip in a short word of a brand is still that brand, not a different drug that starts the same', () => {
    expect(medinfo(['show', 'toprol-l']).stderr).toBe('medinfo: no drug named "toprol-l"\ndid you mean: Toprol-XL (Metoprolol)?\n');
    // Too far for a typo; but its first word is Toprol-XL's, so it is not a drug that only starts alike.
    expect(medinfo(['show', 'toprol zz']).stderr).not.toContain('note:');
  });
});

describe('a near name that is a different drug', () => {
  it('show hydromorphone offers no meaning: morphine lists it as a look-alike, hydrocodone only starts the same', () => {
    const { stdout, stderr, code } = medinfo(['show', 'hydromorphone']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `medinfo: medinfo has no monograph for "hydromorphone" (${bundled} drugs in the library)\n` +
        'note: Morphine is a different drug (often confused with hydromorphone)\n' +
        'note: Hydrocodone is a different drug (its name only starts like "hydromorphone")\n' +
        'note: hydrocodone and acetaminophen (Norco) is a different drug (its name only starts like "hydromorphone")\n' +
        NO_HITS,
    );
  });

  it('a brand listed as a look-alike is named in the monograph\'s own spelling', () => {
    expect(medinfo(['show', 'fosamax']).stderr).toContain('note: Tamsulosin is a different drug (often confused with Fosamax (alendronate))\n');
    expect(medinfo(['show', 'ZANTAC']).stderr).toContain('note: Cetirizine is a different drug (often confused with Zantac)\n');
    // A look-alike entry that names a brand and its generic answers to either.
    for (const name of ['reminyl', 'galantamine']) {
      expect(medinfo(['show', name]).stderr).toContain('note: Glimepiride is a different drug (often confused with Reminyl (galantamine))\n');
    }
  });

  it('show zopiclone does not offer eszopiclone as its meaning: it is another drug', () => {
    const { stderr, code } = medinfo(['show', 'zopiclone']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `medinfo: medinfo has no monograph for "zopiclone" (${bundled} drugs in the library)\n` +
        'note: Eszopiclone is a different drug (its name only ends like "zopiclone")\n' +
        // Melatonin's text names zopiclone.
        'search finds: Melatonin (medinfo search zopiclone)\n',
    );
  });

  it('citalopram is its own drug: a slip in its name means citalopram, and escitalopram stays a different drug', () => {
    expect(medinfo(['show', 'citalopran']).stderr).toBe('medinfo: no drug named "citalopran"\ndid you mean: Citalopram?\n');
    expect(medinfo(['show', 'citalopram']).stdout).toMatch(/^Citalopram\n/);
    expect(medinfo(['show', 's-citalopram']).stdout).toMatch(/^Escitalopram\n/);
  });

  it('a word inside a name is not its end: "acetyl" of N-acetyl-5-methoxytryptamine (melatonin) is no different drug', () => {
    expect(medinfo(['show', 'acetyl']).stderr).not.toContain('note:');
  });

  it('a look-alike in a user folder counts too', () => {
    const folder = userFolder({ 'zopiclone.md': zopiclone({ look_alikes: '[Valium]' }) });
    const { stderr } = medinfo(['--data-dir', folder, 'show', 'valium'], { XDG_CACHE_HOME: join(folder, '..', 'cache') });
    expect(stderr).toContain('\nnote: Zopiclone is a different drug (often confused with Valium)\n');
  });
});

describe('every command that takes drug names misses the same way', () => {
  const noMonograph = `medinfo: medinfo has no monograph for "valium" (${bundled} drugs in the library)\n`;
  it.each([
    ['side-effects', 'valium'],
    ['studies', 'valium'],
    ['interactions', 'baclofen', 'valium'],
    ['compare', 'baclofen', 'valium'],
    ['effect', 'dizziness', '--among', 'baclofen,valium'],
  ])('%s', (...args) => {
    const { stdout, stderr, code } = medinfo(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${noMonograph}${NO_HITS}`);
  });

  it('interactions labels a look-alike as a different drug too', () => {
    expect(medinfo(['interactions', 'baclofen', 'hydromorphone']).stderr).toContain('note: Morphine is a different drug (often confused with hydromorphone)\n');
  });

  it('a batch\'s NDJSON error records give the slugs of likely meanings and of different drugs', () => {
    const { stdout, code } = medinfo(['side-effects', 'baclofen', 'valium', 'hydromorphone', 'xanex', 'toprol', '--json']);
    expect(code).toBe(1);
    expect(lines(stdout).map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ slug: 'baclofen' }),
      { query: 'valium', error: 'not found', suggestions: [], different_drugs: [] },
      { query: 'hydromorphone', error: 'not found', suggestions: [], different_drugs: ['morphine', 'hydrocodone', 'norco'] },
      { query: 'xanex', error: 'not found', suggestions: ['alprazolam'], different_drugs: [] },
      { query: 'toprol', error: 'not found', suggestions: ['metoprolol'], different_drugs: [] },
    ]);
  });
});

const temporary: string[] = [];
afterAll(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A folder of monographs (file name → text) for --data-dir. */
function userFolder(files: Record<string, string>): string {
  const base = mkdtempSync(join(tmpdir(), 'medinfo-test-'));
  temporary.push(base);
  const folder = join(base, 'drugs');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** The fixture monograph, with another slug, name, brand list or look-alike list. */
function zopiclone({ slug = 'zopiclone', name = 'Zopiclone', brands = '[Imovane, Zimovane]', look_alikes = '[]' } = {}): string {
  return readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8')
    .replace('slug: zopiclone', `slug: ${slug}`)
    .replace('name: Zopiclone', `name: ${name}`)
    .replace('brands: [Imovane, Zimovane]', `brands: ${brands}`)
    .replace('reviewed:', `look_alikes: ${look_alikes}\nreviewed:`);
}
