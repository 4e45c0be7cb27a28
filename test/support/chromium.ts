/**
 * The browser the browser test drives, provisioned by the project the way it provisions Neo4j:
 * Debian's Chromium package, fetched with `apt-get download` (no root needed when the package lists
 * are there) and unpacked into a cache folder (default `~/.cache/summit-graph/chromium`), together
 * with every shared library it needs that the machine lacks; later runs reuse the cache. Nothing is
 * installed system-wide, and a system Chromium is never looked at, so the same path runs on every
 * machine, with or without one. `CHROMIUM_PATH` names a browser to use instead (no provisioning).
 * When it cannot provision, it says why and what to do.
 */
import { constants } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CACHE_ROOT, exists, provideDebianPackages, provisionedPackages as packagesIn } from './debian.js';

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

export const DEFAULT_CHROMIUM_CACHE = join(CACHE_ROOT, 'chromium');

/**
 * The Chromium to launch: CHROMIUM_PATH as given, else the cached one, else one provisioned now
 * into the cache. Throws an Error that says what failed and what to do.
 */
export async function provideChromium(opts: ChromiumOptions = {}): Promise<ChromiumSetup> {
  if (opts.override) {
    if (!(await exists(opts.override, constants.X_OK))) throw new Error(`CHROMIUM_PATH=${opts.override} is not an executable file`);
    return { executablePath: opts.override, env: {}, source: 'override' };
  }
  try {
    return await provideDebianPackages({
      packages: ['chromium', 'chromium-common'],
      // Inside the unpacked packages: the browser itself (/usr/bin/chromium is a shell wrapper).
      executable: join('usr', 'lib', 'chromium', 'chromium'),
      libraryDirs: [join('usr', 'lib', 'chromium')],
      cacheDir: opts.cacheDir ?? DEFAULT_CHROMIUM_CACHE,
      what: 'Chromium for the browser test',
      size: 'about 100 MB',
      ...(opts.log ? { log: opts.log } : {}),
    });
  } catch (err) {
    throw new Error(
      `Could not provision Chromium for the browser test: ${(err as Error).message}.\n` +
        'It needs apt-get, apt-cache, dpkg-deb and Debian package lists (run `apt-get update` as root once), and network access to the Debian mirror. ' +
        'Alternatively install Debian\'s chromium package and set CHROMIUM_PATH=/usr/lib/chromium/chromium.',
    );
  }
}

/** The packages a provisioned cache holds (for messages and tests). */
export async function provisionedPackages(cacheDir = DEFAULT_CHROMIUM_CACHE): Promise<string[]> {
  return packagesIn(cacheDir);
}

/** The provisioned Chromium, launched headless as the browser tests use it (no network extras). */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<Browser> {
  const chrome = await provideChromium({ ...opts, log: (m) => process.stderr.write(`[chromium] ${m}\n`) });
  return chromium.launch({
    executablePath: chrome.executablePath,
    env: Object.assign({}, process.env as Record<string, string>, chrome.env),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
