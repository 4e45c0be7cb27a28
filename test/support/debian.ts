/**
 * Debian packages provisioned by the project without root: fetched with `apt-get download` (no root
 * needed when the package lists are there), with every dependency this machine lacks, and unpacked
 * with `dpkg-deb -x` into a cache folder under ~/.cache/summit-graph; later runs reuse the cache.
 * Nothing is installed system-wide. The browser test's Chromium (chromium.ts) and the replica tests'
 * Redis (redis.ts) come this way.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where provisioned packages are cached by default: ~/.cache/summit-graph/<name>. */
export const CACHE_ROOT = join(homedir(), '.cache', 'summit-graph');
const COMPLETE = 'complete';

export async function exists(path: string, mode = constants.F_OK): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** An unpacked set of packages: the executable and the environment to start it with. */
export interface Unpacked {
  executablePath: string;
  env: Record<string, string>;
  /** From the cache, or provisioned just now. */
  source: 'cache' | 'provisioned';
}

export interface DebianProvision {
  /** The packages to fetch (their missing dependencies come along). */
  packages: string[];
  /** The executable inside the unpacked packages, relative to their root. */
  executable: string;
  /** Where the unpacked packages live. */
  cacheDir: string;
  /** Library folders of the packages besides the multiarch ones, relative to the root. */
  libraryDirs?: string[];
  /** What the packages are for, for messages ("Chromium for the browser test"). */
  what: string;
  /** The download's size, for the progress message ("about 100 MB"). */
  size: string;
  log?: (message: string) => void;
}

/** The library folders of an unpacked root (multiarch folders of /lib and /usr/lib, and `extra`). */
async function libraryPath(root: string, extra: string[]): Promise<string> {
  const dirs: string[] = [];
  for (const base of ['lib', join('usr', 'lib')]) {
    const entries = await readdir(join(root, base)).catch(() => [] as string[]);
    for (const e of entries) if (/-linux-gnu/.test(e)) dirs.push(join(root, base, e));
  }
  dirs.push(...extra.map((d) => join(root, d)));
  return [...dirs, ...(process.env.LD_LIBRARY_PATH ? [process.env.LD_LIBRARY_PATH] : [])].join(':');
}

async function unpackedAt(root: string, p: DebianProvision, source: Unpacked['source']): Promise<Unpacked> {
  return { executablePath: join(root, p.executable), env: { LD_LIBRARY_PATH: await libraryPath(root, p.libraryDirs ?? []) }, source };
}

/** Runs a command, turning a missing tool or a failure into a message saying what failed. */
async function tool(cmd: string, args: string[], cwd?: string): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is not installed`);
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}${args.length > 3 ? ' ...' : ''} failed: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' / ')}`);
  }
}

/** Which of `names` dpkg has installed. */
async function installedOf(names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  // dpkg-query exits 1 when some names are unknown to dpkg (never installed); its output lists the rest.
  const status = await run('dpkg-query', ['-W', '-f=${Package}\t${db:Status-Status}\n', ...names], { maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? '',
  );
  return new Set(status.split('\n').filter((l) => l.endsWith('\tinstalled')).map((l) => l.split('\t')[0] as string));
}

/** One dependency: alternatives in order, each a package or a virtual one with its providers. */
type Alternative = { name: string; providers: string[] };

/** `apt-cache depends` of several packages: for each, its Depends and Pre-Depends, as or-groups. */
async function dependsOf(packages: string[]): Promise<Map<string, Alternative[][]>> {
  const out = await tool('apt-cache', ['depends', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', ...packages]);
  const result = new Map<string, Alternative[][]>();
  let groups: Alternative[][] = [];
  let open = false;
  for (const line of out.split('\n')) {
    if (/^\S/.test(line)) {
      groups = [];
      result.set(line.trim(), groups);
      open = false;
      continue;
    }
    const dep = /^ {1,2}(\|)?(?:Pre)?Depends: (\S+)/.exec(line);
    if (dep) {
      const alt = { name: (dep[2] as string).replace(/^<|>$/g, ''), providers: [] as string[] };
      if (open) (groups[groups.length - 1] as Alternative[]).push(alt);
      else groups.push([alt]);
      open = dep[1] === '|';
      continue;
    }
    const provider = /^ {4}(\S+)/.exec(line);
    const last = groups[groups.length - 1];
    if (provider && last) (last[last.length - 1] as Alternative).providers.push(provider[1] as string);
  }
  return result;
}

/**
 * `roots` and the packages of the dependencies this machine lacks, recursively: a dependency that is
 * installed (or that an installed package provides) is satisfied with everything below it, so on a
 * machine that has the libraries only the roots are fetched. Of alternatives, the first is taken.
 */
async function packagesToFetch(roots: string[]): Promise<string[]> {
  const fetch = new Set(roots);
  let queue = [...fetch];
  while (queue.length > 0) {
    const deps = await dependsOf(queue);
    for (const name of queue) if (roots.includes(name) && !deps.has(name)) throw new Error(`apt-cache knows no package named ${name}`);
    const groups = [...deps.values()].flat();
    const installed = await installedOf([...new Set(groups.flat().flatMap((a) => [a.name, ...a.providers]))]);
    const next: string[] = [];
    for (const group of groups) {
      const names = group.flatMap((a) => [a.name, ...a.providers]);
      if (names.some((n) => installed.has(n) || fetch.has(n))) continue;
      const first = group[0] as Alternative;
      const pick = first.providers.length > 0 ? (first.providers[0] as string) : first.name;
      fetch.add(pick);
      next.push(pick);
    }
    queue = next;
  }
  return [...fetch];
}

async function download(packages: string[], dir: string, log: (m: string) => void): Promise<void> {
  try {
    await tool('apt-get', ['download', ...packages], dir);
  } catch (err) {
    // A fresh machine may have no package lists yet; root can fetch them, anyone else is told how.
    if (process.getuid?.() !== 0) throw err;
    log('apt-get download failed; updating the package lists (apt-get update) and trying again');
    await tool('apt-get', ['update', '-qq']);
    await tool('apt-get', ['download', ...packages], dir);
  }
}

/**
 * The unpacked packages: from the cache, or fetched and unpacked into it now. Throws an Error saying
 * what failed (the caller adds what to do instead).
 */
export async function provideDebianPackages(p: DebianProvision): Promise<Unpacked> {
  const log = p.log ?? (() => {});
  const root = join(p.cacheDir, 'root');
  if (await exists(join(p.cacheDir, COMPLETE))) return unpackedAt(root, p, 'cache');

  // Unpacked into a fresh folder and renamed into place at the end, so that two runs at once never
  // use a half-unpacked package, and an interrupted run leaves nothing that looks complete.
  await mkdir(p.cacheDir, { recursive: true });
  const work = join(p.cacheDir, `tmp-${process.pid}-${Date.now()}`);
  const debs = join(work, 'debs');
  await mkdir(debs, { recursive: true });
  try {
    const packages = await packagesToFetch(p.packages);
    log(`Provisioning ${p.what}: apt-get download of ${packages.length} Debian package(s) (${packages.slice(0, 4).join(', ')}${packages.length > 4 ? ', ...' : ''}) into ${p.cacheDir} (${p.size}, once)`);
    await download(packages, debs, log);
    const unpacked = join(work, 'root');
    for (const deb of (await readdir(debs)).filter((f) => f.endsWith('.deb'))) await tool('dpkg-deb', ['-x', join(debs, deb), unpacked]);
    const setup = await unpackedAt(unpacked, p, 'provisioned');
    if (!(await exists(setup.executablePath, constants.X_OK))) throw new Error(`the packages hold no ${p.executable}`);
    // Every shared library must resolve now, rather than the program failing to start later.
    const ldd = await run('ldd', [setup.executablePath], { env: { ...process.env, ...setup.env } }).then((r) => r.stdout, (e: { stdout?: string }) => e.stdout ?? '');
    const missing = ldd.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
    if (missing.length > 0) throw new Error(`after unpacking, these libraries are still missing: ${missing.join(', ')}`);
    await rm(root, { recursive: true, force: true });
    await rename(unpacked, root);
    await writeFile(join(p.cacheDir, COMPLETE), `${packages.join('\n')}\n`);
    return unpackedAt(root, p, 'provisioned');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The packages a provisioned cache holds (for messages and tests). */
export async function provisionedPackages(cacheDir: string): Promise<string[]> {
  return (await readFile(join(cacheDir, COMPLETE), 'utf8').catch(() => '')).split('\n').filter(Boolean);
}
