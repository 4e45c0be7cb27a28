/**
 * The browser the browser test drives, provisioned by the project the way it provisions Neo4j:
 * Debian's Chromium package, fetched with `apt-get download` (no root needed when the package lists
 * are there) and unpacked into a cache folder (default `~/.cache/summit-graph/chromium`), together
 * with every shared library it needs that the machine lacks; later runs reuse the cache. Nothing is
 * installed system-wide, and a system Chromium is never looked at, so the same path runs on every
 * machine, with or without one. `CHROMIUM_PATH` names a browser to use instead (no provisioning).
 * When it cannot provision, it says why and what to do.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readdir, rename, rm, writeFile, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ChromiumOptions {
  /** An executable to use as it is (CHROMIUM_PATH). */
  override?: string;
  /** Where the unpacked browser lives (CHROMIUM_CACHE_DIR; default ~/.cache/summit-graph/chromium). */
  cacheDir?: string;
  log?: (message: string) => void;
}

/** What playwright-core's `launch` needs: the executable and the environment to start it with. */
export interface ChromiumSetup {
  executablePath: string;
  env: Record<string, string>;
  /** Where it came from: the override, the cache, or provisioned just now. */
  source: 'override' | 'cache' | 'provisioned';
}

export const DEFAULT_CHROMIUM_CACHE = join(homedir(), '.cache', 'summit-graph', 'chromium');
/** Inside the unpacked packages: the browser itself (/usr/bin/chromium is a shell wrapper). */
const EXECUTABLE = join('usr', 'lib', 'chromium', 'chromium');
const COMPLETE = 'complete';

async function exists(path: string, mode = constants.F_OK): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** The library folders of an unpacked root (multiarch folders of /lib and /usr/lib, and Chromium's). */
async function libraryPath(root: string): Promise<string> {
  const dirs: string[] = [];
  for (const base of ['lib', join('usr', 'lib')]) {
    const entries = await readdir(join(root, base)).catch(() => [] as string[]);
    for (const e of entries) if (/-linux-gnu/.test(e)) dirs.push(join(root, base, e));
  }
  dirs.push(join(root, 'usr', 'lib', 'chromium'));
  return [...dirs, ...(process.env.LD_LIBRARY_PATH ? [process.env.LD_LIBRARY_PATH] : [])].join(':');
}

async function setupFrom(root: string, source: ChromiumSetup['source']): Promise<ChromiumSetup> {
  return { executablePath: join(root, EXECUTABLE), env: { LD_LIBRARY_PATH: await libraryPath(root) }, source };
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
 * Chromium's packages and those of the dependencies this machine lacks, recursively: a dependency
 * that is installed (or that an installed package provides) is satisfied with everything below it,
 * so on a machine that has the libraries only the two chromium packages are fetched. Of
 * alternatives, the first is taken.
 */
async function packagesToFetch(): Promise<string[]> {
  const fetch = new Set(['chromium', 'chromium-common']);
  let queue = [...fetch];
  while (queue.length > 0) {
    const deps = await dependsOf(queue);
    if (!deps.has('chromium') && queue.includes('chromium')) throw new Error('apt-cache knows no package named chromium');
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
 * The Chromium to launch: CHROMIUM_PATH as given, else the cached one, else one provisioned now
 * into the cache. Throws an Error that says what failed and what to do.
 */
export async function provideChromium(opts: ChromiumOptions = {}): Promise<ChromiumSetup> {
  const log = opts.log ?? (() => {});
  if (opts.override) {
    if (!(await exists(opts.override, constants.X_OK))) throw new Error(`CHROMIUM_PATH=${opts.override} is not an executable file`);
    return { executablePath: opts.override, env: {}, source: 'override' };
  }
  const cache = opts.cacheDir ?? DEFAULT_CHROMIUM_CACHE;
  const root = join(cache, 'root');
  if (await exists(join(cache, COMPLETE))) return setupFrom(root, 'cache');

  // Unpacked into a fresh folder and renamed into place at the end, so that two runs at once never
  // use a half-unpacked browser, and an interrupted run leaves nothing that looks complete.
  await mkdir(cache, { recursive: true });
  const work = join(cache, `tmp-${process.pid}-${Date.now()}`);
  const debs = join(work, 'debs');
  await mkdir(debs, { recursive: true });
  try {
    const packages = await packagesToFetch();
    log(`Provisioning Chromium for the browser test: apt-get download of ${packages.length} Debian package(s) (${packages.slice(0, 4).join(', ')}${packages.length > 4 ? ', ...' : ''}) into ${cache} (about 100 MB, once)`);
    await download(packages, debs, log);
    const unpacked = join(work, 'root');
    for (const deb of (await readdir(debs)).filter((f) => f.endsWith('.deb'))) await tool('dpkg-deb', ['-x', join(debs, deb), unpacked]);
    const setup = await setupFrom(unpacked, 'provisioned');
    if (!(await exists(setup.executablePath, constants.X_OK))) throw new Error(`the chromium package holds no ${EXECUTABLE}`);
    // Every shared library must resolve now, rather than the browser failing to start later.
    const ldd = await run('ldd', [setup.executablePath], { env: { ...process.env, ...setup.env } }).then((r) => r.stdout, (e: { stdout?: string }) => e.stdout ?? '');
    const missing = ldd.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
    if (missing.length > 0) throw new Error(`after unpacking, these libraries are still missing: ${missing.join(', ')}`);
    await rm(root, { recursive: true, force: true });
    await rename(unpacked, root);
    await writeFile(join(cache, COMPLETE), `${packages.join('\n')}\n`);
    return setupFrom(root, 'provisioned');
  } catch (err) {
    throw new Error(
      `Could not provision Chromium for the browser test: ${(err as Error).message}.\n` +
        'It needs apt-get, apt-cache, dpkg-deb and Debian package lists (run `apt-get update` as root once), and network access to the Debian mirror. ' +
        'Alternatively install Debian\'s chromium package and set CHROMIUM_PATH=/usr/lib/chromium/chromium.',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The packages a provisioned cache holds (for messages and tests). */
export async function provisionedPackages(cacheDir = DEFAULT_CHROMIUM_CACHE): Promise<string[]> {
  return (await readFile(join(cacheDir, COMPLETE), 'utf8').catch(() => '')).split('\n').filter(Boolean);
}
