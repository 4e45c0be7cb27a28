import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reading input files (seed files, article texts, raw articles) so that no input can hang a load or
 * grow its memory without bound:
 * - only regular files are read: a FIFO, a device or a socket is refused with a message, and it is
 *   opened non-blocking first, so a FIFO without a writer cannot block the open itself;
 * - the size limit counts the bytes actually read (a symlink to /dev/zero, or a file that grows while
 *   it is read, stops at the limit), never `stat().size` alone;
 * - symlinks are followed; a loop or a broken link is reported, never skipped silently.
 */

/** One input that cannot be used, and why (the file as the user named it). */
export interface InputProblem {
  file: string;
  message: string;
}

/** Thrown by readInputFile; `reason` is the message without the file name. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'InputFileError';
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
const CHUNK = 64 * 1024;

/** What a stat says a path is, in words, for "not a regular file (...)". */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function sizeMessage(size: number, limit: number): string {
  return `file is ${size > limit ? size : `over ${limit}`} bytes; the limit is ${limit}${limit % (1024 * 1024) === 0 ? ` (${limit / (1024 * 1024)} MiB)` : ''}`;
}

/** The message for a failed open or stat: loops, broken links and permissions in words. */
async function openFailure(file: string, err: unknown): Promise<string> {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symlink loop (following its symlinks leads back to where they started)';
  if (code === 'ENOENT') {
    const link = await lstat(file).then((s) => s.isSymbolicLink(), () => false);
    return link ? 'broken symlink (its target does not exist)' : 'no such file or folder';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') return 'not a regular file (a socket)';
  if (code === 'EISDIR') return 'not a regular file (a folder)';
  return `cannot read (${code ?? (err as Error).message})`;
}

/**
 * The bytes of `file` (symlinks followed), which must be a regular file of at most `limit` bytes.
 * Throws InputFileError otherwise, without reading more than `limit + 1` bytes.
 */
export async function readInputFile(file: string, limit: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (err) {
    throw new InputFileError(file, await openFailure(file, err));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputFileError(file, `not a regular file (${kindOf(info)})`);
    if (info.size > limit) throw new InputFileError(file, sizeMessage(info.size, limit));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new InputFileError(file, sizeMessage(info.size, limit));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readInputFile for the rare synchronous caller (re-reading a file to locate an error). */
export function readInputFileSync(file: string, limit: number): Buffer {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputFileError(file, `not a regular file (${kindOf(info)})`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit) throw new InputFileError(file, sizeMessage(info.size, limit));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Folders deeper than this below a named path are reported, not walked. */
const MAX_FOLDER_DEPTH = 64;

/**
 * The input files named by `paths`: files as given, folders searched recursively (entries in name
 * order) for names that `accepts` takes. Symlinks are followed; a symlink loop, a broken symlink, a
 * folder that contains itself, and a FIFO, device or socket under an accepted name are problems, as
 * is a path that does not exist. A file reached twice (through a symlink, or named twice) is listed
 * once. Nothing is opened: reading is readInputFile's job.
 */
export async function collectInputFiles(paths: string[], accepts: (name: string) => boolean): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string, info: Stats): void => {
    const key = `${info.dev}:${info.ino}`;
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };

  /** `ancestors`: the folders (dev:ino) from the named path down to `dir`, to detect a loop. */
  const walk = async (dir: string, ancestors: string[]): Promise<void> => {
    if (ancestors.length > MAX_FOLDER_DEPTH) {
      problems.push({ file: dir, message: `folder nested more than ${MAX_FOLDER_DEPTH} levels deep below the path given; not searched` });
      return;
    }
    let entries;
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      problems.push({ file: dir, message: await openFailure(dir, err) });
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isFile()) {
        if (accepts(e.name)) add(full, await stat(full));
        continue;
      }
      if (e.isDirectory()) {
        const info = await stat(full);
        await walk(full, [...ancestors, `${info.dev}:${info.ino}`]);
        continue;
      }
      if (!e.isSymbolicLink()) {
        // A FIFO, device or socket inside a folder: refused only under a name we would have read.
        if (accepts(e.name)) problems.push({ file: full, message: `not a regular file (${kindOf(await lstat(full))})` });
        continue;
      }
      let info: Stats;
      try {
        info = await stat(full);
      } catch (err) {
        problems.push({ file: full, message: await openFailure(full, err) });
        continue;
      }
      if (info.isDirectory()) {
        const key = `${info.dev}:${info.ino}`;
        if (ancestors.includes(key)) problems.push({ file: full, message: 'symlink loop (this symlink leads to a folder that contains it)' });
        else await walk(full, [...ancestors, key]);
      } else if (accepts(e.name)) {
        if (info.isFile()) add(full, info);
        else problems.push({ file: full, message: `not a regular file (${kindOf(info)})` });
      }
    }
  };

  for (const p of paths) {
    let info: Stats;
    try {
      info = await stat(p);
    } catch (err) {
      problems.push({ file: p, message: await openFailure(p, err) });
      continue;
    }
    if (info.isDirectory()) await walk(p, [`${info.dev}:${info.ino}`]);
    else if (info.isFile()) add(p, info);
    else problems.push({ file: p, message: `not a regular file (${kindOf(info)})` });
  }
  return { files, problems };
}
