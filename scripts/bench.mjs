// npm run bench: times whole medinfo processes against bare `node -e 0` in the same
// run, on the bundled library and on synthetic libraries of 1,000 and 10,000
// monographs (--data-dir), and writes docs/benchmarks.md.
//   npm run bench -- --runs 20     more runs per command (default 15)
//   npm run bench -- --quick       bundled library only
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { writeSyntheticLibrary } from './synthetic-library.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const quick = args.includes('--quick');
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

const commands = [
  { label: 'show baclofen', args: ['show', 'baclofen'], target: [1.5, 1.6] },
  { label: 'show lioresal', args: ['show', 'lioresal'], target: [1.5, 1.6] },
  { label: 'side-effects baclofen --json', args: ['side-effects', 'baclofen', '--json'], target: [1.5, 1.6] },
  { label: 'show baclofin (miss)', args: ['show', 'baclofin'], target: [1.7, 2.0] },
  { label: 'search gabapenten (name typo)', args: ['search', 'gabapenten'], target: [1.8, 3.0] },
  { label: 'search muscle spasm (prose)', args: ['search', 'muscle', 'spasm'], target: [2.0, 4.0] },
];
const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

const libraries = [{ label: 'bundled', size: 0 }];
if (!quick) libraries.push({ label: '1,000', size: 1000 }, { label: '10,000', size: 10000 });

mkdirSync(work, { recursive: true });
const results = [];
for (const library of libraries) {
  let dataArgs = [];
  let cold;
  if (library.size > 0) {
    const dir = join(work, `library-${library.size}`);
    if (!existsSync(dir) || readdirSync(dir).length !== library.size) {
      process.stderr.write(`bench: writing ${library.size} synthetic monographs…\n`);
      writeSyntheticLibrary(library.size, dir);
    }
    dataArgs = ['--data-dir', dir];
    rmSync(join(cache, 'medinfo', 'folders'), { recursive: true, force: true });
    cold = timeOnce([bin, ...dataArgs, 'show', 'baclofen']);
    library.floor = hasHyperfine ? undefined : undefined;
    library.statFloor = join(root, 'scripts', 'stat-floor.cjs') + ' ' + dir;
  }
  process.stderr.write(`bench: ${library.label} library…\n`);
  const lines = [['node', '-e', '0'], ...commands.map((c) => [bin, ...dataArgs, ...c.args])];
  if (library.statFloor) lines.push(['node', ...library.statFloor.split(' ')]);
  const medians = measure(lines);
  const base = medians[0];
  const row = { library: library.label, base, cold, commands: [] };
  commands.forEach((command, i) => {
    const target = command.target[library.size >= 10000 ? 1 : 0];
    row.commands.push({ label: command.label, ms: medians[i + 1], ratio: medians[i + 1] / base, target: library.size === 1000 ? undefined : target });
  });
  if (library.statFloor) row.statFloor = medians.at(-1);
  row.rss = peakRss([bin, ...dataArgs, 'search', 'muscle', 'spasm']);
  results.push(row);
}

const report = renderReport(results);
process.stdout.write(report.table);
writeFileSync(join(root, 'docs', 'benchmarks.md'), report.markdown);
process.stderr.write('bench: wrote docs/benchmarks.md\n');

function measure(commandLines) {
  if (hasHyperfine) {
    const out = join(work, 'hyperfine.json');
    execFileSync(
      'hyperfine',
      ['-N', '-i', '--style', 'none', '--warmup', '1', '--runs', String(runs), '--export-json', out, ...commandLines.map(quote)],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return JSON.parse(readFileSync(out, 'utf8')).results.map((r) => r.median * 1000);
  }
  // Without hyperfine: the same idea, alternating commands so drift hits all alike.
  const times = commandLines.map(() => []);
  for (let round = -1; round < runs; round++) {
    commandLines.forEach((line, i) => {
      const ms = timeOnce(line);
      if (round >= 0) times[i].push(ms);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
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
  const ms = (value) => (value === undefined ? '–' : `${value.toFixed(1)} ms`);
  const header = ['command', ...rows.map((r) => `${r.library}: median`), ...rows.map((r) => `${r.library}: ratio`)];
  const body = [['node -e 0', ...rows.map((r) => ms(r.base)), ...rows.map(() => '1.00×')]];
  commands.forEach((command, i) => {
    body.push([
      command.label,
      ...rows.map((r) => ms(r.commands[i].ms)),
      ...rows.map((r) => {
        const c = r.commands[i];
        const verdict = c.target === undefined ? '' : c.ratio <= c.target ? ` (≤ ${c.target} ✓)` : ` (target ${c.target} ✗)`;
        return `${c.ratio.toFixed(2)}×${verdict}`;
      }),
    ]);
  });
  body.push(['freshness floor: list + stat every file', ...rows.map((r) => ms(r.statFloor)), ...rows.map((r) => (r.statFloor ? `${(r.statFloor / r.base).toFixed(2)}×` : '–'))]);
  body.push(['first run, cache empty (show baclofen)', ...rows.map((r) => ms(r.cold)), ...rows.map((r) => (r.cold ? `${(r.cold / r.base).toFixed(2)}×` : '–'))]);
  body.push(['peak RSS (search muscle spasm)', ...rows.map((r) => `${r.rss.toFixed(0)} MB`), ...rows.map(() => '')]);
  const table = [header, ...body].map((cells) => `| ${cells.join(' | ')} |`);
  table.splice(1, 0, `|${header.map(() => '---').join('|')}|`);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const method = hasHyperfine
    ? `hyperfine, ${runs} runs after 1 warm-up, medians`
    : `a Node harness, ${runs} alternating runs after 1 warm-up, medians`;
  const markdown = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}
- Method: ${method}; every ratio is against \`node -e 0\` measured in the same run.
  \`NODE_EXTRA_CA_CERTS\` is unset for both sides. Output goes to /dev/null, so it
  is the piped (plain) rendering that is timed.
- Libraries: the bundled one, and synthetic folders of 1,000 and 10,000 monographs
  passed with \`--data-dir\`, timed after a warm-up run has filled the cache.
- Targets (from the performance issue) are shown for the bundled library and 10,000.

${table.join('\n')}

The "freshness floor" row is a bare Node script that only lists the folder and
stats every file — the check that lets the cache notice any edited, added or
removed file. At 10,000 files that check alone costs more than the start-up
budget the 10,000-monograph targets leave.
`;
  return { table: `${table.join('\n')}\n`, markdown };
}
