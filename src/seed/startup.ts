import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Db } from '../db/db.js';
import { loadSeedPaths, type LoadSummary } from './load.js';

/** What the loader's result depends on besides the seed files: its own code and its Cypher. */
const LOADER_CODE = [new URL('./', import.meta.url).pathname, new URL('../../cypher/', import.meta.url).pathname];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * sha256 over every regular file under `dirs` (path relative to its folder, then content), in path
 * order: any change to a seed file, a gazetteer, an article text, the loader or its queries changes
 * it.
 */
export async function checksumOf(dirs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of (await filesUnder(dir)).sort()) {
      hash.update(`${relative(dir, file)}\0`);
      hash.update(await readFile(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export type SeedOnStart = { loaded: false; checksum: string } | { loaded: true; checksum: string; summary: LoadSummary };

/**
 * Loads `seedDir` unless the graph records that exactly these files (and this loader) were loaded on
 * a start before: a checksum of them is stored in the graph (`(:SeedState {id})`) after each load,
 * so a restart skips the 5-15 s load, and a changed file, a new loader, or an empty database loads
 * again. A load between starts by `npm run load` is not tracked here: loads are idempotent, so
 * running the seed's load again is always safe (`npm run load -- seed/`).
 */
export async function loadSeedIfChanged(db: Db, seedDir: string, id = 'seed/'): Promise<SeedOnStart> {
  const checksum = await checksumOf([seedDir, ...LOADER_CODE]);
  const [row] = await db.read('seed.state', { id });
  if (row?.checksum === checksum) return { loaded: false, checksum };
  const summary = await loadSeedPaths(db, [seedDir]);
  await db.write('seed.state-set', { id, checksum });
  return { loaded: true, checksum, summary };
}
