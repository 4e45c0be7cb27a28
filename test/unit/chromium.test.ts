import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provideChromium } from '../support/chromium.js';
import { tempDir } from '../support/tmp.js';

// Provisioning itself (apt-get download, unpacking, the library check) runs in the browser test,
// which always uses the provisioned browser, never a system one; these check the choices around it.
describe('the browser test\'s Chromium', () => {
  it('uses CHROMIUM_PATH as it is, and says so when it is not an executable', async () => {
    await expect(provideChromium({ override: process.execPath })).resolves.toMatchObject({ executablePath: process.execPath, source: 'override' });
    await expect(provideChromium({ override: '/no/such/chromium' })).rejects.toThrow(/CHROMIUM_PATH=\/no\/such\/chromium is not an executable file/);
  });

  it('reuses a complete cache, with its library folders on LD_LIBRARY_PATH', async () => {
    const cache = await tempDir('chromium-cache-');
    const exe = join(cache, 'root/usr/lib/chromium/chromium');
    await mkdir(join(cache, 'root/usr/lib/chromium'), { recursive: true });
    await mkdir(join(cache, 'root/usr/lib/x86_64-linux-gnu'), { recursive: true });
    await writeFile(exe, '#!/bin/sh\n');
    await chmod(exe, 0o755);
    await writeFile(join(cache, 'complete'), 'chromium\nchromium-common\n');
    const setup = await provideChromium({ cacheDir: cache });
    expect(setup).toMatchObject({ executablePath: exe, source: 'cache' });
    expect(setup.env.LD_LIBRARY_PATH?.split(':')).toEqual(expect.arrayContaining([join(cache, 'root/usr/lib/x86_64-linux-gnu'), join(cache, 'root/usr/lib/chromium')]));
  });
});
