// Writes dist/launch.json for bin/medinfo: a hash of the bundle's content, which names the
// folder of its code caches, and, read from the bundle's own program, the command names and
// the global options that take a value, so the launcher can tell which command will run.
//   node scripts/launch-file.mjs [dist]   after changing dist/cli.cjs by any other way than npm run build
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function writeLaunchFile(dist = 'dist') {
  const bundle = resolve(dist, 'cli.cjs');
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
  const { commandNames, valueOptions } = createRequire(import.meta.url)(bundle);
  const launch = { bundle: hash, commands: commandNames(), valueOptions: valueOptions() };
  writeFileSync(join(dist, 'launch.json'), `${JSON.stringify(launch)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) writeLaunchFile(process.argv[2]);
