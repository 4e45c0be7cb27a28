import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { fromRepoRoot, isErrno } from '../local/supervise.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The NLP service's answers on disk, by key (a sha256 hex of the text, its date and the pipeline:
 * see CoreNlpClient), so a re-ingest does not annotate the same article twice. Each answer is one
 * gzipped JSON file under `<dir>/<first two hex digits>/<key>.json.gz` (CoreNLP's JSON for a
 * 1,000-word article is about 150 KB, 15 KB gzipped). Writes are atomic (a temporary file renamed),
 * so concurrent ingests and an interrupted run never leave a torn entry; an unreadable entry counts
 * as a miss and is written again.
 */
export class NlpCache {
  readonly dir: string;

  /** `dir` relative to the repository root unless absolute (NLP_CACHE_DIR, default .nlp/cache). */
  constructor(dir: string) {
    this.dir = fromRepoRoot(dir);
  }

  private path(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`NlpCache keys are sha256 hex digests, got ${JSON.stringify(key)}`);
    return join(this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  /** The stored answer for `key`, or undefined. */
  async get(key: string): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path(key));
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
    try {
      return JSON.parse((await gunzipAsync(bytes)).toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, await gzipAsync(Buffer.from(JSON.stringify(value), 'utf8')));
    await rename(tmp, path);
  }
}
