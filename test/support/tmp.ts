/**
 * Temporary folders for tests: `tempDir` makes one under the OS temp folder and removes it, with
 * everything in it, when the test file that asked for it has finished (pass or fail), so test runs
 * leave nothing behind in /tmp. Importing this module registers that cleanup for the importing file
 * (Vitest evaluates modules once per test file).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty folder named `<prefix>XXXXXX`, removed after the current test file. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
