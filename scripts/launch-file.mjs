// Writes dist/launch.json for bin/medinfo: a hash of the bundle's content, which names the
// folder of its code caches, and the command names, read from the bundle's own command table.
//   node scripts/launch-file.mjs [dist]   after changing dist/cli.cjs by any other way than npm run build
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function writeLaunchFile(dist = 'dist') {
  const bundle = resolve(dist, 'cli.cjs');
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
  const { commandNames } = createRequire(import.meta.url)(bundle);
  writeFileSync(join(dist, 'launch.json'), `${JSON.stringify({ bundle: hash, commands: commandNames() })}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) writeLaunchFile(process.argv[2]);
