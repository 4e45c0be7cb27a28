import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/graphql/app.js';
import { launchChromium } from '../support/chromium.js';
import { serve, type Served } from '../support/http.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';

/**
 * GraphiQL as an analyst on a closed network sees it: Debian's Chromium, provisioned by the project
 * (test/support/chromium.ts: the Debian package unpacked into a cache, never a system install, so
 * the test runs the same on a machine without Chromium), every request that leaves 127.0.0.1
 * refused, the page opened, the default query run, data on screen.
 */

let t: TestDb;
let server: Served;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await openSeededTestDb();
  // Served as npm start serves it (src/bin/start.ts).
  server = await serve(createApp({ db: t.db }));
  base = server.url;
  browser = await launchChromium(inject('chromium'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('GraphiQL in a browser, offline', () => {
  it('loads with no outside requests, runs the default query and shows the summit', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${base}/graphql`, { waitUntil: 'load' });
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await run.click();
    await page
      .waitForFunction(() => /Vladimir\s+Putin/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), undefined, {
        timeout: 30_000,
      })
      .catch(async (err: unknown) => {
        await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/summit-graph-graphiql-failure.png` });
        throw new Error(`${String(err)}\nresponse panel: ${await page.locator('.graphiql-response').textContent()}\noutside requests: ${outside.join(', ')}\npage errors: ${errors.join('; ')}`);
      });
    // CodeMirror renders spaces as non-breaking ones: fold all white space before comparing.
    const response = ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(response).toContain('Kim Jong Un');
    expect(response).toContain('"date": "2019-04-25"');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
