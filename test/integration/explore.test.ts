import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../src/graphql/app.js';
import { launchChromium } from '../support/chromium.js';
import { serve, type Served } from '../support/http.js';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';

/**
 * The explorer (/explore) as an analyst uses it, in the project's Chromium with every request that
 * leaves 127.0.0.1 refused: search, open an entity, expand a node by clicking it, filter, find a
 * path, read a quote's evidence, export, and reload the view from its URL. Screenshots of each step
 * go to test-artifacts/explore/ (gitignored).
 */

const ARTIFACTS = new URL('../../test-artifacts/explore/', import.meta.url).pathname;
const KIM = 'person:kim-jong-un';
const HUDSON = 'org:hudson-institute';
const VLADIVOSTOK = 'summit:2019-04-25-vladivostok';
const CRONIN = 'person:patrick-cronin';

let t: TestDb;
let app: App;
let server: Served;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await openSeededTestDb();
  app = createApp({ db: t.db });
  server = await serve(app);
  base = server.url;
  browser = await launchChromium(inject('chromium'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** What the page draws, read from Cytoscape: visible elements only. */
interface Drawn {
  nodes: string[];
  edges: { from: string; to: string; type: string; onPath: boolean }[];
  groups: string[];
  selected: string | null;
}

/** A page that may reach 127.0.0.1 only; every other request is recorded and refused. */
async function offlinePage(): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, outside, errors };
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.body.dataset.busy === 'false', undefined, { timeout: 30_000 });
}

async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const cy = (window as unknown as { summitExplorer: { cy: any } }).summitExplorer.cy;
    const visible = cy.elements(':visible');
    return {
      nodes: visible.nodes().filter((n: any) => !n.data('groupKey')).map((n: any) => n.id()).sort(),
      edges: visible
        .edges()
        .filter((e: any) => !e.hasClass('group-edge'))
        .map((e: any) => ({ from: e.source().id(), to: e.target().id(), type: e.data('type'), onPath: e.hasClass('on-path') })),
      groups: visible.nodes().filter((n: any) => n.data('groupKey')).map((n: any) => n.data('groupKey')).sort(),
      selected: document.querySelector<HTMLElement>('#panel h3')?.dataset.entityId ?? null,
    };
  });
}

/** Waits until the side panel shows entity `id`; on timeout, says what it shows instead. */
async function panelShows(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction((want) => document.querySelector<HTMLElement>('#panel h3')?.dataset.entityId === want, id, { timeout: 30_000 })
    .catch(async (err: unknown) => {
      const shown = await page.locator('#panel h3').first().getAttribute('data-entity-id').catch(() => null);
      throw new Error(`The panel never showed ${id} (it shows ${shown}; status: ${await page.textContent('#status')}): ${String(err)}`);
    });
}

/** Clicks a node where it is drawn, as a user does (a real mouse click on the canvas). */
async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => {
    const cy = (window as unknown as { summitExplorer: { cy: any } }).summitExplorer.cy;
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    // Centered and zoomed in first, as a user would, so that no neighbour lies under the pointer.
    cy.zoom(2);
    cy.center(node);
    const p = node.renderedPosition();
    const box = document.querySelector('#graph')!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  if (at === null) throw new Error(`${id} is not drawn`);
  await page.mouse.click(at.x, at.y);
}

/** The files a click downloads, by their suggested names. */
/** Clicks the middle of a drawn edge. */
async function clickEdge(page: Page, from: string, to: string, type: string): Promise<void> {
  const at = await page.evaluate(
    ([f, t, ty]) => {
      const cy = (window as unknown as { summitExplorer: { cy: any } }).summitExplorer.cy;
      const edge = cy.getElementById(`${f}|${ty}|${t}`);
      if (edge.empty()) return null;
      cy.zoom(2);
      cy.center(edge);
      const p = edge.renderedMidpoint();
      const box = document.querySelector('#graph')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    [from, to, type] as const,
  );
  if (at === null) throw new Error(`${from} -${type}-> ${to} is not drawn`);
  await page.mouse.click(at.x, at.y);
}

async function downloaded(page: Page, click: () => Promise<void>, count = 1): Promise<Map<string, Buffer>> {
  const got: Download[] = [];
  const onDownload = (d: Download): void => {
    got.push(d);
  };
  page.on('download', onDownload);
  try {
    await click();
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(count);
  } finally {
    page.off('download', onDownload);
  }
  const files = new Map<string, Buffer>();
  for (const d of got) files.set(d.suggestedFilename(), await readFile((await d.path()) as string));
  return files;
}

describe('the explorer is served by the app', () => {
  it('serves the page (revalidated) and its versioned files (immutable), with strong ETags and 304s', async () => {
    const page = await app.fetch('http://localhost/explore');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const html = await page.text();
    const main = /<script type="module" src="(\/explore\/v\/[^/]+\/)main\.js"/.exec(html);
    expect(main).not.toBeNull();
    const prefix = (main as RegExpExecArray)[1] as string;
    // No file comes from anywhere but this server.
    expect(html).not.toMatch(/src="https?:|href="https?:\/\/(?!127)/);

    const again = await app.fetch('http://localhost/explore', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    for (const file of ['main.js', 'vendor/cytoscape.esm.min.mjs', 'explore.css', 'export/index.js']) {
      const res = await app.fetch(`http://localhost${prefix}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const tag = res.headers.get('etag') as string;
      expect(tag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      expect((await app.fetch(`http://localhost${prefix}${file}`, { headers: { 'if-none-match': tag } })).status).toBe(304);
    }
    expect((await app.fetch(`http://localhost${prefix}vendor/cytoscape.esm.min.mjs`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    // Another version's file is not served: the page always names the current one.
    expect((await app.fetch('http://localhost/explore/v/0000000000000000/main.js')).status).toBe(404);
    expect((await app.fetch('http://localhost/explore', { method: 'POST', body: '{}' })).status).toBe(405);
  });
});

describe('the explorer in a browser, offline', () => {
  it('searches, opens, expands, filters, finds a path, shows evidence, exports, and restores the view from its URL', async () => {
    const { page, outside, errors } = await offlinePage();
    await page.goto(`${base}/explore`, { waitUntil: 'load' });
    await idle(page);

    // Search "Kim" and open Kim Jong Un.
    await page.fill('#search-input', 'Kim');
    const hit = page.locator('#search-results button', { hasText: 'Kim Jong Un' }).first();
    await hit.waitFor({ state: 'visible', timeout: 15_000 });
    await hit.click();
    await panelShows(page, KIM);
    await idle(page);
    let view = await drawn(page);
    expect(view.selected).toBe(KIM);
    expect(view.nodes).toContain(KIM);
    expect(view.nodes).toContain(VLADIVOSTOK);
    expect(view.nodes).toContain('country:PRK');
    expect(view.edges).toContainEqual({ from: KIM, to: 'country:PRK', type: 'LEADS', onPath: false });
    await expect.poll(() => page.locator('#panel').textContent(), { timeout: 30_000 }).toContain('Supreme Leader');
    await expect.poll(() => page.locator('#panel .timeline').textContent(), { timeout: 30_000 }).toContain('2019-04-25');
    await page.screenshot({ path: join(ARTIFACTS, '1-kim.png') });

    // Expand a node by clicking it: the Vladivostok summit brings Putin and the island.
    await clickNode(page, VLADIVOSTOK);
    await panelShows(page, VLADIVOSTOK);
    await idle(page);
    view = await drawn(page);
    expect(view.nodes).toEqual(expect.arrayContaining(['person:vladimir-putin', 'place:russky-island', 'topic:denuclearization']));
    expect(view.edges).toContainEqual({ from: VLADIVOSTOK, to: 'place:russky-island', type: 'HELD_IN', onPath: false });
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual([VLADIVOSTOK]);

    // A quote about the summit, with its evidence: the sentence marked in the article's text, and
    // the article's title, outlet, date and link.
    const quote = page.locator('.quote', { hasText: 'only need guarantees about their security' });
    await expect.poll(() => quote.textContent(), { timeout: 30_000 }).toContain('Vladimir Putin');
    await expect.poll(() => quote.locator('.source').textContent(), { timeout: 30_000 }).toContain('Radio Free Asia');
    await expect.poll(() => quote.locator('.source').textContent(), { timeout: 30_000 }).toContain('2019-04-25');
    // The seed article's URL is unknown (null): its title is shown without a link to nowhere.
    expect(await quote.locator('.article-title').textContent()).toBe('No Breakthoughs from Kim Jong Un-Vladimir Putin Summit in Vladivostok');
    expect(await quote.locator('a.article-title').count()).toBe(0);
    await quote.locator('summary').click();
    await expect.poll(() => quote.locator('.article-text mark').first().textContent(), { timeout: 30_000 }).toContain('only need guarantees about their security');
    await expect.poll(() => quote.locator('.article-text').textContent(), { timeout: 30_000 }).toContain('said Putin');
    await page.screenshot({ path: join(ARTIFACTS, '2-expanded-evidence.png') });

    // Filter a relationship type out: no ATTENDED edge is drawn, and the URL says so; back in, they return.
    const before = view;
    await page.locator('#type-filters input[value="ATTENDED"]').uncheck();
    await idle(page);
    view = await drawn(page);
    expect(view.edges.filter((e) => e.type === 'ATTENDED')).toEqual([]);
    expect(view.edges.length).toBeGreaterThan(0);
    expect(view.nodes.length).toBeLessThan(before.nodes.length);
    expect(new URL(page.url()).searchParams.getAll('ht')).toEqual(['ATTENDED']);
    await page.screenshot({ path: join(ARTIFACTS, '3-filtered.png') });
    await page.locator('#type-filters input[value="ATTENDED"]').check();
    await idle(page);
    expect((await drawn(page)).edges.length).toBe(before.edges.length);

    // What connects Kim Jong Un to the Hudson Institute, in one search and one click: the search
    // offers the path from the open entity, and the shortest goes through a quote (Patrick Cronin of
    // the Hudson Institute said something about Kim's summit), not through a hub such as the USA.
    await page.fill('#search-input', 'Hudson Institute');
    const pathTo = page.locator(`#search-results button[data-path-to="${HUDSON}"]`);
    await pathTo.waitFor({ state: 'visible', timeout: 15_000 });
    await pathTo.click();
    await expect.poll(() => page.locator('#path-result').textContent(), { timeout: 30_000 }).toContain('Hudson Institute');
    await idle(page);
    view = await drawn(page);
    expect(view.nodes).toContain(HUDSON);
    let onPath = view.edges.filter((e) => e.onPath);
    const pathNodes = new Set(onPath.flatMap((e) => [e.from, e.to]));
    expect(pathNodes.has(KIM) && pathNodes.has(HUDSON)).toBe(true);
    expect(pathNodes.has('country:USA')).toBe(false);
    expect(onPath).toContainEqual({ from: CRONIN, to: HUDSON, type: 'AFFILIATED_WITH', onPath: true });
    const saidAbout = onPath.find((e) => e.type === 'SAID_ABOUT');
    expect(saidAbout?.from).toBe(CRONIN);
    const firstPath = (await page.locator('#path-result button.current').textContent()) ?? '';
    expect(firstPath).toMatch(/^Kim Jong Un .*←said about— Patrick Cronin —AFFILIATED_WITH→ Hudson Institute$/);
    expect(await page.inputValue('#path-from')).toBe(KIM);
    expect(await page.inputValue('#path-to')).toBe(HUDSON);

    // Clicking the quote link shows what Cronin said, with its sentence marked in the article.
    await clickEdge(page, saidAbout!.from, saidAbout!.to, 'SAID_ABOUT');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#panel h3')?.dataset.quotes !== undefined, undefined, { timeout: 30_000 });
    const cronin = page.locator('#panel .quote').first();
    expect(await cronin.locator('a[data-entity], button[data-entity]').first().textContent()).toBe('Patrick Cronin');
    const said = ((await cronin.locator('blockquote').textContent()) ?? '').replace(/^“|”$/g, '');
    await cronin.locator('summary').click();
    await expect.poll(async () => (await cronin.locator('.article-text mark').allTextContents()).join(' ').replace(/\s+/g, ' '), { timeout: 30_000 }).toContain(said.slice(0, 30));
    // The whole view in the picture (the click zoomed in on the link); docs/img/explorer.png is this one.
    await page.evaluate(() => (window as unknown as { summitExplorer: { cy: any } }).summitExplorer.cy.fit(undefined, 30));
    await page.screenshot({ path: join(ARTIFACTS, '4-path-through-quote.png') });

    // The path finder takes the page's filters: without quotes, no path goes through one.
    await page.locator('#type-filters input[value="SAID_ABOUT"]').uncheck();
    await idle(page);
    onPath = (await drawn(page)).edges.filter((e) => e.onPath);
    expect(onPath.filter((e) => e.type === 'SAID_ABOUT')).toEqual([]);
    expect(onPath.some((e) => e.from === 'country:USA' || e.to === 'country:USA')).toBe(false);
    await page.locator('#type-filters input[value="SAID_ABOUT"]').check();
    await idle(page);
    expect(await page.locator('#path-result button.current').textContent()).toBe(firstPath);
    // An entity left out of paths (from its panel) is never stepped through; allowed back, the path returns.
    await clickNode(page, CRONIN);
    await panelShows(page, CRONIN);
    await idle(page);
    await page.click(`#panel button[data-avoid="${CRONIN}"]`);
    await idle(page);
    expect(new URL(page.url()).searchParams.getAll('av')).toEqual([CRONIN]);
    expect((await drawn(page)).edges.filter((e) => e.onPath && (e.from === CRONIN || e.to === CRONIN))).toEqual([]);
    expect(await page.locator('#path-result').textContent()).not.toContain('Patrick Cronin');
    await page.click(`#panel button[data-avoid="${CRONIN}"]`);
    await idle(page);
    expect(new URL(page.url()).searchParams.getAll('av')).toEqual([]);
    expect(await page.locator('#path-result button.current').textContent()).toBe(firstPath);
    // The path typed by name in the path finder finds the same.
    await page.fill('#path-to', 'Hudson Institute');
    await page.click('#path-form button[type=submit]');
    await idle(page);
    expect(await page.locator('#path-result button.current').textContent()).toBe(firstPath);
    await clickNode(page, KIM);
    await panelShows(page, KIM);
    await idle(page);
    view = await drawn(page);

    // Exports of the view, with the writers `npm run export` uses (src/export/): GraphML parsed by
    // the browser, CSV by csv-parse, JSON; the links through quotes carry their quotes' ids.
    const saidEdge = view.edges.find((e) => e.type === 'SAID_ABOUT' && e.from === CRONIN);
    expect(saidEdge).toBeDefined();
    const graphml = ([...(await downloaded(page, () => page.click('[data-export="graphml"]'))).values()][0] as Buffer).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      const ns = 'http://graphml.graphdrawing.org/xmlns';
      const dataOf = (el: Element, key: string): string | undefined => [...el.getElementsByTagNameNS(ns, 'data')].find((d) => d.getAttribute('key') === key)?.textContent ?? undefined;
      const keys = new Map([...doc.getElementsByTagNameNS(ns, 'key')].map((k) => [`${k.getAttribute('for')}:${k.getAttribute('attr.name')}`, k.getAttribute('id') as string]));
      return {
        root: doc.documentElement.namespaceURI,
        nodes: [...doc.getElementsByTagNameNS(ns, 'node')].map((n) => ({ id: n.getAttribute('id'), name: dataOf(n, keys.get('node:label')!), kind: dataOf(n, keys.get('node:kind')!) })),
        edges: [...doc.getElementsByTagNameNS(ns, 'edge')].map((e) => ({ from: e.getAttribute('source'), to: e.getAttribute('target'), type: dataOf(e, keys.get('edge:type')!), quotes: keys.has('edge:quotes') ? dataOf(e, keys.get('edge:quotes')!) : undefined })),
        directed: doc.getElementsByTagNameNS(ns, 'graph')[0]?.getAttribute('edgedefault'),
      };
    }, graphml);
    expect(parsed).not.toBeNull();
    expect(parsed!.root).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(parsed!.directed).toBe('directed');
    expect(parsed!.nodes.map((n) => n.id).sort()).toEqual(view.nodes);
    expect(parsed!.nodes).toContainEqual({ id: HUDSON, name: 'Hudson Institute', kind: 'ORGANIZATION' });
    expect(parsed!.edges.length).toBe(view.edges.length);
    expect(parsed!.edges).toContainEqual({ from: KIM, to: 'country:PRK', type: 'LEADS', quotes: undefined });
    const saidInGraphml = parsed!.edges.find((e) => e.from === saidEdge!.from && e.to === saidEdge!.to && e.type === 'SAID_ABOUT');
    expect(JSON.parse(saidInGraphml?.quotes ?? '[]')).toEqual(expect.arrayContaining([expect.stringMatching(/^quote:/)]));

    const csvFiles = await downloaded(page, () => page.click('[data-export="csv"]'), 2);
    const nodesCsv = ([...csvFiles].find(([name]) => name.endsWith('-nodes.csv'))?.[1] as Buffer).toString('utf8');
    const relsCsv = ([...csvFiles].find(([name]) => name.endsWith('-relationships.csv'))?.[1] as Buffer).toString('utf8');
    const nodeRows = parseCsv(nodesCsv, { columns: true }) as Record<string, string>[];
    const relRows = parseCsv(relsCsv, { columns: true }) as Record<string, string>[];
    expect(nodeRows.map((r) => r['id:ID']).sort()).toEqual(view.nodes);
    expect(nodeRows).toContainEqual({ 'id:ID': VLADIVOSTOK, name: 'Kim Jong Un-Vladimir Putin summit in Vladivostok', kind: 'SUMMIT', ':LABEL': 'Entity;Summit' });
    expect(relRows.length).toBe(view.edges.length);
    expect(relRows).toContainEqual(expect.objectContaining({ ':START_ID': VLADIVOSTOK, ':END_ID': 'place:russky-island', ':TYPE': 'HELD_IN' }));
    const saidInCsv = relRows.find((r) => r[':START_ID'] === saidEdge!.from && r[':END_ID'] === saidEdge!.to && r[':TYPE'] === 'SAID_ABOUT');
    expect(saidInCsv?.['quotes:string[]']).toMatch(/^quote:\S+(;quote:\S+)*$/);

    const json = JSON.parse(([...(await downloaded(page, () => page.click('[data-export="json"]'))).values()][0] as Buffer).toString('utf8')) as { nodes: { id: string }[]; edges: { source: string; target: string; type: string }[] };
    expect(json.nodes.map((n) => n.id).sort()).toEqual(view.nodes);
    expect(json.edges.length).toBe(view.edges.length);
    expect(json.edges).toContainEqual({ source: KIM, target: 'country:PRK', type: 'LEADS' });
    const png = [...(await downloaded(page, () => page.click('[data-export="png"]'))).values()][0] as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // The URL holds the view: a fresh page opened on it draws the same graph, panel and path.
    const link = page.url();
    const url = new URL(link);
    expect(url.searchParams.get('e')).toBe(KIM);
    expect(url.searchParams.get('to')).toBe(HUDSON);
    expect(url.searchParams.get('s')).toBe(KIM);
    const fresh = await offlinePage();
    await fresh.page.goto(link, { waitUntil: 'load' });
    await panelShows(fresh.page, KIM);
    await idle(fresh.page);
    const restored = await drawn(fresh.page);
    expect(restored.nodes).toEqual(view.nodes);
    expect(restored.edges.map((e) => `${e.from}|${e.type}|${e.to}|${e.onPath}`).sort()).toEqual(view.edges.map((e) => `${e.from}|${e.type}|${e.to}|${e.onPath}`).sort());
    expect(await fresh.page.locator('#path-result').textContent()).toBe(await page.locator('#path-result').textContent());
    // And a plain reload of that page keeps it.
    await fresh.page.reload({ waitUntil: 'load' });
    await panelShows(fresh.page, KIM);
    await idle(fresh.page);
    expect((await drawn(fresh.page)).nodes).toEqual(view.nodes);
    await fresh.page.screenshot({ path: join(ARTIFACTS, '5-restored.png') });

    expect(outside).toEqual([]);
    expect(fresh.outside).toEqual([]);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
    await page.close();
  });

  it('collapses a hub into groups by relationship type and kind, and opens a group on click', async () => {
    const { page, outside, errors } = await offlinePage();
    await page.goto(`${base}/explore?e=country:USA`, { waitUntil: 'load' });
    await panelShows(page, 'country:USA');
    await idle(page);
    const group = 'country:USA|BASED_IN|ORGANIZATION';
    let view = await drawn(page);
    expect(view.groups).toContain(group);
    expect(view.nodes.length).toBeLessThan(40);
    const count = Number(/^(\d+) /.exec(await page.evaluate((id) => (window as any).summitExplorer.cy.getElementById(`group:${id}`).data('label'), group))?.[1]);
    expect(count).toBeGreaterThan(40);
    await page.screenshot({ path: join(ARTIFACTS, '6-hub-collapsed.png') });

    await clickNode(page, `group:${group}`);
    await page.waitForFunction((id) => !(window as any).summitExplorer.cy.getElementById(`group:${id}`).nonempty(), group, { timeout: 30_000 });
    await idle(page);
    view = await drawn(page);
    expect(view.nodes).toContain(HUDSON);
    expect(view.edges).toContainEqual({ from: HUDSON, to: 'country:USA', type: 'BASED_IN', onPath: false });
    expect(new URL(page.url()).searchParams.getAll('o')).toEqual([group]);

    // Asking for hubs in full draws every neighbour at once.
    await page.goto(`${base}/explore?e=country:USA&hubs=all`, { waitUntil: 'load' });
    await panelShows(page, 'country:USA');
    await idle(page);
    view = await drawn(page);
    expect(view.groups).toEqual([]);
    expect(view.nodes.length).toBeGreaterThan(count);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
