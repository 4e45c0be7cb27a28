// The side panel: the selected entity's facts, relations, timeline and quotes, each quote with its
// evidence (its sentence highlighted in the article's text, and the article's title, outlet, date
// and link). Built with DOM calls only: every text from the API goes in as text, never as HTML.

import { articleSentences } from './api.js';

/** `h('p', {class: 'x'}, 'text', child)`: an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/**
 * A link naming an entity: a click brings it into the view (`open(id)`); its address opens a new
 * view of that entity (a middle click or "open in new tab").
 */
function entityLink(e, open) {
  const onclick = (ev) => {
    if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    open(e.id);
  };
  return h('a', { href: `?e=${encodeURIComponent(e.id)}`, class: 'link', 'data-entity': e.id, onclick }, e.name);
}

function facts(e, open) {
  const rows = [['Kind', e.kind.toLowerCase()], ['Id', e.id]];
  if (e.aliases?.length) rows.push(['Also', e.aliases.join(', ')]);
  if (e.labels?.length) rows.push(['Labels', e.labels.join(', ')]);
  if (e.isoCode) rows.push(['ISO code', e.isoCode]);
  if (e.date) rows.push(['Date', e.date]);
  if (e.place) rows.push(['Place', entityLink(e.place, open)]);
  if (e.country) rows.push(['Country', entityLink(e.country, open)]);
  if (e.placeType) rows.push(['Type', e.placeType]);
  if (e.orgType) rows.push(['Type', e.orgType]);
  if (e.startYear || e.endYear) rows.push(['Years', `${e.startYear ?? '?'}–${e.endYear ?? ''}`]);
  if (e.outcome) rows.push(['Outcome', e.outcome]);
  for (const r of e.roles ?? []) {
    const at = r.country ?? r.organization;
    rows.push(['Role', h('span', {}, `${r.title}`, at ? ', ' : '', at ? entityLink(at, open) : '', r.since ? ` (${r.since}${r.until ? ` – ${r.until}` : ''})` : '')]);
  }
  if (e.wikidata) rows.push(['Wikidata', h('a', { href: `https://www.wikidata.org/wiki/${encodeURIComponent(e.wikidata)}`, target: '_blank', rel: 'noopener' }, e.wikidata)]);
  return h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function relations(e, open) {
  const byType = new Map();
  for (const r of e.related ?? []) {
    const key = `${r.direction === 'OUT' ? '' : '← '}${r.type}${r.direction === 'OUT' ? ' →' : ''}`;
    if (!byType.has(key)) byType.set(key, []);
    byType.get(key).push(r);
  }
  if (byType.size === 0) return h('p', {}, 'No relationships.');
  return h(
    'ul',
    { class: 'relations' },
    [...byType].map(([type, rs]) =>
      h('li', {}, h('strong', {}, type), ': ', rs.flatMap((r, i) => [i > 0 ? ', ' : '', entityLink(r.entity, open), r.title ? ` (${r.title})` : '', r.since ? ` ${r.since}` : ''])),
    ),
  );
}

function timeline(events, open) {
  if (events.length === 0) return h('p', {}, 'No dated events.');
  return h('ul', { class: 'timeline' }, events.map((ev) => h('li', { 'data-kind': ev.kind }, h('time', {}, ev.date), ' ', ev.title, ev.entity ? [' · ', entityLink(ev.entity, open)] : '')));
}

/**
 * The sentences a quote occupies: the one it starts in, and the next ones while its end has not been
 * reached (a quote of several sentences, split by the article's sentence breaks).
 */
function quoteSentences(sentences, quote) {
  const marked = new Set();
  if (!Number.isInteger(quote.sentence) || quote.sentence >= sentences.length) return marked;
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  const tail = norm(quote.text).slice(-20);
  let text = '';
  for (let i = quote.sentence; i < sentences.length && marked.size < 6; i++) {
    marked.add(i);
    text = norm(`${text} ${sentences[i]}`);
    if (text.includes(tail)) break;
  }
  // The end was never found: the sentence index alone is what the source states.
  return text.includes(tail) ? marked : new Set([quote.sentence]);
}

/** The article's sentences with the quote's sentences marked and scrolled into view. */
async function showEvidence(target, quote) {
  target.replaceChildren(h('p', {}, 'Loading the article…'));
  try {
    const sentences = await articleSentences(quote.article.id);
    if (sentences.length === 0) {
      target.replaceChildren(h('p', {}, 'The article text is not stored.'));
      return;
    }
    const marked = quoteSentences(sentences, quote);
    const body = h('div', { class: 'article-text' });
    sentences.forEach((s, i) => body.append(marked.has(i) ? h('mark', { 'data-sentence': i }, s) : s, ' '));
    target.replaceChildren(body);
    body.querySelector('mark')?.scrollIntoView({ block: 'center' });
  } catch (err) {
    target.replaceChildren(h('p', { class: 'error' }, `Could not load the article: ${err.message}`));
  }
}

function quoteCard(q, open) {
  const a = q.article;
  const evidence = h('div', { class: 'evidence' });
  const details = h('details', {}, h('summary', {}, 'Evidence in the article'), evidence);
  details.addEventListener('toggle', () => {
    if (details.open && evidence.childElementCount === 0) void showEvidence(evidence, q);
  }, { once: false });
  return h(
    'div',
    { class: 'quote', 'data-quote': q.id },
    h('blockquote', {}, `“${q.text}”`),
    h('div', {}, '— ', entityLink(q.speaker, open), q.about.length ? [' about ', q.about.flatMap((e, i) => [i > 0 ? ', ' : '', entityLink(e, open)])] : ''),
    h(
      'div',
      { class: 'source' },
      a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener', class: 'article-title' }, a.title) : h('span', { class: 'article-title' }, a.title),
      a.outlet ? ` · ${a.outlet.name}` : '',
      a.publishedAt ? ` · ${a.publishedAt}` : '',
    ),
    details,
  );
}

function quotes(title, conn, open) {
  if (!conn || conn.totalCount === 0) return [];
  const shown = conn.edges.length < conn.totalCount ? ` (${conn.edges.length} of ${conn.totalCount})` : ` (${conn.totalCount})`;
  return [h('h2', {}, title + shown), conn.edges.map((e) => quoteCard(e.node, open))];
}

/** Fills `panel` with quotes (a QuoteConnection) under a heading: the quotes behind a SAID_ABOUT link. */
export function renderQuotesPanel(panel, title, conn, open) {
  panel.replaceChildren(h('h3', { 'data-quotes': title }, title), ...quotes('Quotes', conn, open).flat(Infinity));
}

/** Fills `panel` with what `details` (api.entityDetails) holds; `open(id)` brings an entity into the view. */
export function renderPanel(panel, details, open, actions = []) {
  const e = details.entity;
  if (!e) {
    panel.replaceChildren(h('p', {}, 'No such entity.'));
    return;
  }
  // A quote about the entity that it also said is listed once, under "Said".
  const said = new Set((details.said?.edges ?? []).map((x) => x.node.id));
  const about = details.about ? { ...details.about, edges: details.about.edges.filter((x) => !said.has(x.node.id)) } : null;
  const parts = [
    h('h3', { 'data-entity-id': e.id }, e.name),
    actions.length ? h('p', { class: 'actions' }, actions) : '',
    e.description ? h('p', {}, e.description) : '',
    facts(e, open),
    h('h2', {}, 'Relationships'),
    relations(e, open),
    h('h2', {}, 'Timeline'),
    timeline(details.timeline ?? [], open),
    quotes('Said', details.said, open),
    quotes('Quoted about', about, open),
  ];
  panel.replaceChildren(...parts.flat(Infinity).filter((p) => p !== ''));
}
