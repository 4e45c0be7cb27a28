import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; bench paths are resolved against it, never against the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where `npm run gen` writes a corpus by default (git-ignored). */
export function corpusDir(articles: number, seed: number): string {
  return join(REPO_ROOT, 'bench', 'data', `${articles}-s${seed}`);
}
