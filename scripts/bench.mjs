// npm run bench: times whole medinfo processes against bare `node -e 0` in the same
// run, on the bundled library and on synthetic libraries of 1,000, 10,000 and
// 50,000 monographs (--data-dir), and writes docs/benchmarks.md.
//   npm run bench -- --runs 40     more runs per command (default 25, in 5 rounds)
//   npm run bench -- --quick       bundled library only
//   npm run bench -- --import      only the pace of medinfo import (labels per second), printed
//   npm run bench -- --no-large    without the 50,000 library (writing and compiling it takes minutes)
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { writeSyntheticLibrary } from './synthetic-library.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 25;
const quick = args.includes('--quick');
const large = !args.includes('--no-large');
const ROUNDS = 5;
const root = new URL('..', import.meta.url).pathname;
const work = join(os.tmpdir(), 'medinfo-bench');
const cache = join(work, 'cache');
const bin = join(root, 'bin', 'medinfo');
if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  console.error('bench: run npm run build first');
  process.exit(2);
}

// Both sides of every ratio run without NODE_EXTRA_CA_CERTS, which a user's machine normally lacks
// and which adds tens of milliseconds to every Node start.
const env = { ...process.env, XDG_CACHE_HOME: cache };
delete env.NODE_EXTRA_CA_CERTS;
for (const name of ['FORCE_COLOR', 'NO_COLOR', 'MEDINFO_DEBUG']) delete env[name];

// Targets: [bundled, 10,000, 50,000]; the search, miss and list ones are the search-at-scale
// issue's, the others the performance issue's (none set at 50,000: they must not regress).
const commands = [
  { label: 'show baclofen', args: ['show', 'baclofen'], target: [1.5, 1.6] },
  { label: 'show lioresal', args: ['show', 'lioresal'], target: [1.5, 1.6] },
  { label: 'side-effects baclofen --json', args: ['side-effects', 'baclofen', '--json'], target: [1.5, 1.6] },
  { label: 'show baclofin (miss)', args: ['show', 'baclofin'], target: [1.4, 1.6, 1.8] },
  { label: 'search gabapenten (name typo)', args: ['search', 'gabapenten'], target: [1.4, 2.0, 2.5] },
  { label: 'search muscle spasm (prose)', args: ['search', 'muscle', 'spasm'], target: [1.6, 2.5, 3.0] },
  { label: 'search drowsiness at night (prose)', args: ['search', 'drowsiness at night'], target: [1.6, 2.5, 3.0] },
  { label: 'list --json', args: ['list', '--json'], target: [1.3, 1.5, 1.8] },
  { label: 'interactions (5 names)', args: ['interactions', 'baclofen', 'zolpidem', 'tramadol', 'sertraline', 'alcohol'], target: [1.5, 2.5] },
  { label: 'compare (3 drugs)', args: ['compare', 'baclofen', 'tizanidine', 'cyclobenzaprine'], target: [1.5, 2.5] },
  { label: 'effect dizziness', args: ['effect', 'dizziness'], target: [1.6, 2.5] },
  { label: 'side-effects, 100 names --json (NDJSON)', args: ['side-effects', ...batchOfNames(100), '--json'], target: [3.0, 3.5] },
];

/** `count` names of bundled drugs, the library's slugs over and over, for a batch. */
function batchOfNames(count) {
  const slugs = readdirSync(join(root, 'data')).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
  return Array.from({ length: count }, (_, i) => slugs[i % slugs.length]);
}
const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

// Each synthetic size is timed twice through --data-dir: as a folder of monographs (compiled
// into the cache and checked for edits on every run) and as a library made by `medinfo compile`.
const libraries = [{ label: 'bundled', size: 0 }];
if (!quick) {
  for (const size of [1000, 10000]) {
    const count = size.toLocaleString('en-US');
    libraries.push({ label: `${count} folder`, size, kind: 'folder' }, { label: `${count} compiled`, size, kind: 'compiled' });
  }
  // Only compiled: a folder of 50,000 files is stat'ed on every run, far above any target (see "freshness floor").
  if (large) libraries.push({ label: '50,000 compiled', size: 50000, kind: 'compiled' });
}

mkdirSync(work, { recursive: true });
if (args.includes('--import')) {
  const pace = importPace();
  process.stdout.write(`medinfo import: ${pace.perSecond.toFixed(0)} labels/s (${pace.labels} labels in ${pace.ms.toFixed(0)} ms, median of ${pace.rounds} runs)\n`);
  process.exit(0);
}
// The machine may be shared: its load when the run starts and ends goes into the report.
const loadAtStart = os.loadavg()[0];
const results = [];
for (const library of libraries) {
  let dataArgs = [];
  let cold;
  let floor;
  if (library.size > 0) {
    const dir = join(work, `library-${library.size}`);
    if (!existsSync(dir) || readdirSync(dir).length !== library.size) {
      process.stderr.write(`bench: writing ${library.size} synthetic monographs…\n`);
      writeSyntheticLibrary(library.size, dir);
    }
    if (library.kind === 'folder') {
      dataArgs = ['--data-dir', dir];
      rmSync(join(cache, 'medinfo', 'folders'), { recursive: true, force: true });
      cold = { label: 'first run, cache empty (show baclofen)', ms: timeOnce([bin, ...dataArgs, 'show', 'baclofen']) };
      floor = ['node', join(root, 'scripts', 'stat-floor.cjs'), dir];
    } else {
      const compiled = join(work, `compiled-${library.size}`);
      const start = process.hrtime.bigint();
      const memory = peakRss([bin, 'compile', dir, compiled]);
      cold = { label: 'medinfo compile (once, after edits)', ms: Number(process.hrtime.bigint() - start) / 1e6, memory };
      dataArgs = ['--data-dir', compiled];
    }
  }
  process.stderr.write(`bench: ${library.label} library…\n`);
  const lines = [['node', '-e', '0'], ...commands.map((c) => [bin, ...dataArgs, ...c.args])];
  if (floor) lines.push(floor);
  const measured = measure(lines);
  const base = measured[0].ms;
  const target = library.size === 0 ? 0 : library.size === 10000 ? 1 : library.size === 50000 ? 2 : undefined;
  results.push({
    library: library.label,
    base,
    cold,
    floor: floor ? measured.at(-1) : undefined,
    commands: commands.map((command, i) => ({ ...measured[i + 1], target: target === undefined ? undefined : command.target[target] })),
    rss: peakRss([bin, ...dataArgs, 'search', 'muscle', 'spasm']),
    rssTarget: target === undefined ? undefined : [70, 150, undefined][target],
    compileTarget: target === undefined ? undefined : [undefined, 250, 400][target],
  });
}

const pace = importPace();
const report = renderReport(results);
process.stdout.write(report.table);
writeFileSync(join(root, 'docs', 'benchmarks.md'), report.markdown);
process.stderr.write('bench: wrote docs/benchmarks.md\n');

/**
 * Times every command line in ROUNDS rounds, `node -e 0` (the first line) in each.
 * A ratio is the median over rounds of (command median / node median in that
 * round), so slow drift on a shared machine hits both sides of each ratio alike.
 * Returns, per line, the median of all its runs and that ratio.
 */
function measure(commandLines) {
  const perRound = Math.max(3, Math.ceil(runs / ROUNDS));
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(timeRound(commandLines, perRound));
  return commandLines.map((_, i) => ({
    ms: median(rounds.flatMap((times) => times[i])),
    ratio: median(rounds.map((times) => median(times[i]) / median(times[0]))),
  }));
}

/** One round: `perRound` runs of each line, as lists of milliseconds. */
function timeRound(commandLines, perRound) {
  if (hasHyperfine) {
    const out = join(work, 'hyperfine.json');
    execFileSync(
      'hyperfine',
      ['-N', '-i', '--style', 'none', '--warmup', '1', '--runs', String(perRound), '--export-json', out, ...commandLines.map(quote)],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return JSON.parse(readFileSync(out, 'utf8')).results.map((r) => r.times.map((t) => t * 1000));
  }
  // Without hyperfine: alternate the commands run by run.
  const times = commandLines.map(() => []);
  for (let run = -1; run < perRound; run++) {
    commandLines.forEach((line, i) => {
      const ms = timeOnce(line);
      if (run >= 0) times[i].push(ms);
    });
  }
  return times;
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `medinfo import` over copies of the real fixture labels: labels per second, start-up included. */
function importPace() {
  const fixtures = join(root, 'test', 'fixtures', 'fda-labels');
  const kinds = readdirSync(fixtures).filter((name) => /\.(xml|json)$/.test(name) && name !== 'empty.json');
  const copies = quick ? 5 : 20;
  const folder = join(work, 'labels');
  rmSync(folder, { recursive: true, force: true });
  for (let copy = 0; copy < copies; copy++) {
    mkdirSync(join(folder, String(copy)), { recursive: true });
    for (const name of kinds) copyFileSync(join(fixtures, name), join(folder, String(copy), name));
  }
  const rounds = quick ? 3 : 7;
  const times = [];
  for (let round = 0; round < rounds; round++) {
    rmSync(join(work, 'labels-out'), { recursive: true, force: true });
    times.push(timeOnce([bin, 'import', folder, '--out', join(work, 'labels-out')]));
  }
  const ms = median(times);
  const labels = kinds.length * copies;
  return { labels, kinds: kinds.length, copies, rounds, ms, perSecond: (labels * 1000) / ms };
}

function timeOnce(line) {
  const [command, ...rest] = line[0] === 'node' ? [process.execPath, ...line.slice(1)] : [process.execPath, ...line];
  const start = process.hrtime.bigint();
  spawnSync(command, rest, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function peakRss(line) {
  const file = join(work, 'rss.txt');
  spawnSync(process.execPath, ['-r', join(root, 'scripts', 'bench-rss.cjs'), ...line], {
    env: { ...env, MEDINFO_BENCH_RSS_FILE: file },
    stdio: 'ignore',
  });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

function quote(line) {
  return line.map((part) => (/[\s"']/.test(part) ? `'${part}'` : part)).join(' ');
}

function renderReport(rows) {
  // A ratio is judged as shown, to two decimals: the rounding is far below the run-to-run noise.
  const meets = (ratio, target) => Number(ratio.toFixed(2)) <= target;
  const cell = ({ ms, ratio }, target) => {
    const verdict = target === undefined ? '' : meets(ratio, target) ? ` ✓ ≤ ${target}` : ` ✗ > ${target}`;
    return `${ms.toFixed(1)} ms, ${ratio.toFixed(2)}×${verdict}`;
  };
  const missed = rows.flatMap((r) => [
    ...r.commands.flatMap((c, i) => (c.target !== undefined && !meets(c.ratio, c.target) ? [`${commands[i].label} (${r.library})`] : [])),
    ...(r.compileTarget !== undefined && r.cold?.memory > r.compileTarget ? [`compile peak memory (${r.library})`] : []),
  ]);
  const header = ['command', ...rows.map((r) => r.library)];
  const body = [['node -e 0', ...rows.map((r) => `${r.base.toFixed(1)} ms, 1.00×`)]];
  commands.forEach((command, i) => {
    body.push([command.label, ...rows.map((r) => cell(r.commands[i], r.commands[i].target))]);
  });
  body.push(['freshness floor: list + stat every file', ...rows.map((r) => (r.floor === undefined ? '–' : cell(r.floor)))]);
  body.push(['first run / compile', ...rows.map((r) => (r.cold === undefined ? '–' : `${r.cold.label.startsWith('first') ? 'first run' : 'compile'}: ${r.cold.ms.toFixed(0)} ms`))]);
  body.push([
    'compile peak memory',
    ...rows.map((r) => {
      if (r.cold?.memory === undefined) return '–';
      const verdict = r.compileTarget === undefined ? '' : r.cold.memory <= r.compileTarget ? ` ✓ ≤ ${r.compileTarget}` : ` ✗ > ${r.compileTarget}`;
      return `${r.cold.memory.toFixed(0)} MB${verdict}`;
    }),
  ]);
  body.push([
    'peak RSS (search muscle spasm)',
    ...rows.map((r) => `${r.rss.toFixed(0)} MB${r.rssTarget === undefined ? '' : r.rss <= r.rssTarget ? ` ✓ ≤ ${r.rssTarget}` : ` ✗ > ${r.rssTarget}`}`),
  ]);
  const table = [header, ...body].map((cells) => `| ${cells.join(' | ')} |`);
  table.splice(1, 0, `|${header.map(() => '---').join('|')}|`);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const method = hasHyperfine
    ? `hyperfine, ${ROUNDS} rounds of ${Math.max(3, Math.ceil(runs / ROUNDS))} runs after 1 warm-up`
    : `a Node harness, ${ROUNDS} rounds of ${Math.max(3, Math.ceil(runs / ROUNDS))} alternating runs after 1 warm-up`;
  const load = `${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
  const markdown = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}; load average (1 minute) ${load}
- Method: ${method}. Each cell is the median time and the median over the
  rounds of its ratio to \`node -e 0\` measured in the same round, so drift on
  a shared machine hits both sides alike. \`NODE_EXTRA_CA_CERTS\` is unset for
  both sides. Output goes to /dev/null, so the piped (plain) rendering is timed.
- Libraries: the bundled one; synthetic libraries of 1,000 and 10,000 made-up
  monographs passed with \`--data-dir\`, both as a folder of monographs
  (compiled into the cache by a warm-up run, then checked for edits on every
  run) and as a library made by \`medinfo compile\` (read as it is); and one
  of 50,000 as a compiled library (\`--no-large\` leaves it out).
- Targets are marked on the bundled, 10,000 and 50,000 columns: the search
  at scale issue's for search, the miss and \`list --json\` (and compile's
  peak memory), the performance issue's for the others.

${table.join('\n')}

## Reading the table

A folder of monographs is never served stale: every run lists it and stats
each file, and the "freshness floor" row is a bare Node script doing only
that. At 10,000 files that check alone is above the start-up budget the
10,000 targets leave, so no design that checks every file on every run can
meet them. \`medinfo compile\` moves the check to an explicit step: the
compiled library is read as it is. Search results are the same either way.

Targets missed in this run, bundled and compiled columns:
${missed.filter((m) => !m.includes('folder')).map((m) => `- ${m}`).join('\n') || '- none'}

Ratios near a target move by about ±0.1 from run to run on this machine.${
    Math.max(loadAtStart, os.loadavg()[0]) > os.cpus().length
      ? `
This run shared the machine with other work (a load average above its ${os.cpus().length} cores),
so its ratios are less steady than that.`
      : ''
  }

## Importing FDA labels

\`medinfo import\` of ${pace.labels} label files (the ${pace.kinds} real labels in
test/fixtures/fda-labels, ${pace.copies} copies of each, in one folder; every copy is read
and converted, and a later copy of a drug is then left out as the same drug): ${pace.ms.toFixed(0)} ms,
${pace.perSecond.toFixed(0)} labels per second (the median of ${pace.rounds} runs, start-up
included; aim: at least 50).
`;
  return { table: `${table.join('\n')}\n\nmedinfo import: ${pace.perSecond.toFixed(0)} labels/s (${pace.labels} labels in ${pace.ms.toFixed(0)} ms)\n`, markdown };
}
