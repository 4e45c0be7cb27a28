// The explorer: search, a neighbourhood drawn with Cytoscape.js and expanded by clicking, filters,
// collapsed hubs, a path finder, the side panel, the state in the URL, and exports of the view.

import cytoscape from './vendor/cytoscape.esm.min.mjs';
import * as api from './api.js';
import { toCsv, toGraphML, toJson } from './export/index.js';
import { h, renderPanel, renderQuotesPanel } from './panel.js';
import { decodeState, encodeState, emptyState } from './state.js';

const KINDS = ['PERSON', 'COUNTRY', 'PLACE', 'SUMMIT', 'TALKS', 'ORGANIZATION', 'TOPIC'];
const COLORS = { PERSON: '#3b6fd8', COUNTRY: '#d8513b', PLACE: '#2f9e6b', SUMMIT: '#c9a227', TALKS: '#8a4fd1', ORGANIZATION: '#6b7385', TOPIC: '#d14f9b' };
/** Most neighbours one expansion fetches (the API's neighbourhood limit). */
const FETCH_LIMIT = 500;

const $ = (sel) => document.querySelector(sel);

/** The graph as drawn: entities, relationships, and collapsed hub groups, all keyed by id. */
const model = {
  nodes: new Map(), // id -> {id, kind, name}
  edges: new Map(), // from|type|to -> {from, to, type, quoteIds: Set} (quotes behind a SAID_ABOUT link)
  groups: new Map(), // hubId|TYPE|KIND -> {key, hub, type, kind, count}: a hub's neighbours counted, not fetched
  expanded: new Set(),
  paths: [], // [{nodes, edges, length}], shortest first; state.path picks the one drawn
};
const drawnPath = () => model.paths[state.path] ?? model.paths[0] ?? null;
let state = emptyState();
let cy;
let busy = 0;

function setBusy(delta) {
  busy += delta;
  document.body.dataset.busy = busy > 0 ? 'true' : 'false';
}

function status(text, isError = false) {
  const el = $('#status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

/** Runs an async step of the UI with the busy flag set and its failure shown, never thrown away. */
async function task(fn) {
  setBusy(1);
  try {
    return await fn();
  } catch (err) {
    status(err.message, true);
    console.error(err);
    return undefined;
  } finally {
    setBusy(-1);
  }
}

function saveState() {
  const url = `${location.pathname}${encodeState(state)}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}

const edgeKey = (e) => `${e.from}|${e.type}|${e.to}`;

function addEdge(e) {
  if (!model.nodes.has(e.from) || !model.nodes.has(e.to)) return;
  const key = edgeKey(e);
  const known = model.edges.get(key) ?? { from: e.from, to: e.to, type: e.type, quoteIds: new Set() };
  if (e.quoteId) known.quoteIds.add(e.quoteId);
  model.edges.set(key, known);
}

/**
 * Adds an entity's neighbourhood. A hub's groups of more neighbours than the threshold (by
 * relationship type and kind), which the server counts rather than lists, stay one summary node
 * each until opened.
 */
async function expand(id) {
  const maxDegree = state.showHubs ? null : state.hub;
  const nb = await api.neighborhood(id, { limit: FETCH_LIMIT, maxDegree });
  model.expanded.add(id);
  const [center, ...neighbours] = nb.nodes;
  model.nodes.set(center.id, center);
  const fresh = neighbours.filter((n) => !model.nodes.has(n.id));
  for (const n of fresh) model.nodes.set(n.id, n);
  let hub = false;
  for (const g of nb.hubs.find((x) => x.entity.id === id)?.groups ?? []) {
    if (!g.collapsed) continue;
    hub = true;
    const key = `${id}|${g.relationType}|${g.kind}`;
    // Two directions of one type and kind (places LOCATED_IN a place, and the place it lies in) share a node.
    const count = (model.groups.get(key)?.count ?? 0) + g.count;
    model.groups.set(key, { key, hub: id, type: g.relationType, kind: g.kind, count });
  }
  for (const e of nb.edges) addEdge(e);
  for (const key of state.opened) if (key.startsWith(`${id}|`) && model.groups.has(key)) await openGroup(key);
  return { truncated: nb.truncated, hub };
}

/** Draws a collapsed group's members (listed without the hub limit), and their relationships with the rest of the view. */
async function openGroup(key) {
  const g = model.groups.get(key);
  if (!g) return;
  if (!state.opened.includes(key)) state.opened.push(key);
  model.groups.delete(key);
  const filter = { relationshipTypes: [g.type], kinds: [g.kind], throughQuotes: g.type === 'SAID_ABOUT' };
  const members = await api.neighborhood(g.hub, { limit: FETCH_LIMIT, filter, maxDegree: null });
  for (const n of members.nodes) if (n.kind === g.kind) model.nodes.set(n.id, n);
  // The relationships among the new members and the rest of the view come from the hub's whole neighbourhood.
  const nb = await api.neighborhood(g.hub, { limit: FETCH_LIMIT, maxDegree: null });
  for (const e of [...members.edges, ...nb.edges]) addEdge(e);
}

/**
 * Everything drawable: the expansions' entities and relationships, and the drawn path's. A path is
 * kept apart from the expansions so that another path, or none, leaves no trace of it.
 */
function allDrawable() {
  const nodes = new Map(model.nodes);
  const edges = new Map(model.edges);
  const path = drawnPath();
  for (const n of path?.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
  for (const e of path?.edges ?? []) {
    const key = edgeKey(e);
    if (!edges.has(key)) edges.set(key, { from: e.from, to: e.to, type: e.type, quoteIds: new Set(e.quoteId ? [e.quoteId] : []) });
  }
  return { nodes, edges };
}

/** The entities and relationships the filters leave visible (what exports write). */
function visibleView() {
  const all = allDrawable();
  const hiddenKinds = new Set(state.hideKinds);
  const hiddenTypes = new Set(state.hideTypes);
  const edges = [...all.edges.values()].filter((e) => !hiddenTypes.has(e.type));
  const keep = new Set();
  for (const n of all.nodes.values()) if (!hiddenKinds.has(n.kind) && (n.id === state.focus || n.id === state.selected)) keep.add(n.id);
  const kindOk = (id) => !hiddenKinds.has(all.nodes.get(id)?.kind);
  const visibleEdges = edges.filter((e) => kindOk(e.from) && kindOk(e.to));
  for (const e of visibleEdges) {
    keep.add(e.from);
    keep.add(e.to);
  }
  for (const n of drawnPath()?.nodes ?? []) if (kindOk(n.id)) keep.add(n.id);
  return { nodes: [...all.nodes.values()].filter((n) => keep.has(n.id)), edges: visibleEdges };
}

function label(n) {
  return n.name.length > 28 ? `${n.name.slice(0, 27)}…` : n.name;
}

/** Brings Cytoscape in line with the model and the filters; lays out only when elements were added. */
function render({ layout = true } = {}) {
  const view = visibleView();
  const hiddenKinds = new Set(state.hideKinds);
  const hiddenTypes = new Set(state.hideTypes);
  const groups = [...model.groups.values()].filter((g) => !hiddenKinds.has(g.kind) && !hiddenTypes.has(g.type) && view.nodes.some((n) => n.id === g.hub));
  const path = drawnPath();
  const pathNodes = new Set(path?.nodes.map((n) => n.id) ?? []);
  const pathEdges = new Set(path?.edges.map(edgeKey) ?? []);
  const wanted = new Map();
  for (const n of view.nodes) {
    const classes = [n.kind.toLowerCase(), n.id === state.selected ? 'selected' : '', pathNodes.has(n.id) ? 'on-path' : '', model.expanded.has(n.id) ? 'expanded' : ''].filter(Boolean).join(' ');
    wanted.set(n.id, { group: 'nodes', data: { id: n.id, label: label(n), kind: n.kind, color: COLORS[n.kind] }, classes });
  }
  for (const e of view.edges) {
    const id = edgeKey(e);
    const classes = [pathEdges.has(id) ? 'on-path' : '', e.type === 'SAID_ABOUT' ? 'said' : ''].filter(Boolean).join(' ');
    wanted.set(id, { group: 'edges', data: { id, source: e.from, target: e.to, label: e.type === 'SAID_ABOUT' ? `said about (${e.quoteIds.size})` : e.type, type: e.type }, classes });
  }
  for (const g of groups) {
    const id = `group:${g.key}`;
    wanted.set(id, { group: 'nodes', data: { id, label: `${g.count} ${g.kind.toLowerCase()} · ${g.type}`, kind: g.kind, color: COLORS[g.kind], groupKey: g.key }, classes: 'group' });
    wanted.set(`${id}:edge`, { group: 'edges', data: { id: `${id}:edge`, source: g.hub, target: id, label: g.type }, classes: 'group-edge' });
  }

  let added = 0;
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (!wanted.has(el.id())) el.remove();
    });
    for (const [id, def] of wanted) {
      const el = cy.getElementById(id);
      if (el.nonempty()) {
        el.data(def.data);
        el.classes(def.classes);
        continue;
      }
      const near = def.group === 'nodes' ? neighbourPosition(id) : undefined;
      cy.add({ ...def, ...(near ? { position: near } : {}) });
      added += 1;
    }
  });
  if (layout && added > 0) {
    cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 }).run();
  }
  renderFilters();
  renderPaths();
  const hubs = model.groups.size;
  status(view.nodes.length === 0 ? 'Search for an entity to start.' : `${view.nodes.length} entities, ${view.edges.length} relationships${hubs ? `, ${hubs} collapsed groups (click one to open it)` : ''}. Click an entity to expand it.`);
  saveState();
}

/** Where a new node starts before the layout: beside an already drawn neighbour, so the layout only settles it. */
function neighbourPosition(id) {
  for (const e of allDrawable().edges.values()) {
    const other = e.from === id ? e.to : e.to === id ? e.from : null;
    const el = other ? cy.getElementById(other) : null;
    if (el?.nonempty()) {
      const p = el.position();
      const a = Math.random() * 2 * Math.PI;
      return { x: p.x + 80 * Math.cos(a), y: p.y + 80 * Math.sin(a) };
    }
  }
  return undefined;
}

function pathText(p) {
  return p.nodes
    .map((n, i) => {
      if (i === 0) return n.name;
      const e = p.edges[i - 1];
      const type = e.type === 'SAID_ABOUT' ? 'said about' : e.type;
      return e.from === n.id ? `←${type}— ${n.name}` : `—${type}→ ${n.name}`;
    })
    .join(' ');
}

/** The paths found, the drawn one first in weight; another is drawn by clicking it. */
function renderPaths() {
  const nodes = allDrawable().nodes;
  $('#path-avoid').replaceChildren(
    ...(state.avoid.length ? ['Left out: '] : []),
    ...state.avoid.map((id) => h('button', { type: 'button', class: 'link', title: 'Allow in paths again', onclick: () => void task(() => setAvoided(id, false)) }, `${nodes.get(id)?.name ?? id} ×`)),
  );
  const box = $('#path-result');
  if (model.paths.length === 0) {
    box.replaceChildren(state.from && state.to && pathSearched ? `No path within ${state.hops} hops with these filters.` : '');
    return;
  }
  const current = drawnPath();
  box.replaceChildren(
    ...model.paths.map((p, i) =>
      h('button', { type: 'button', class: `path-option${p === current ? ' current' : ''}`, 'data-path': i, onclick: () => { state.path = i; render({ layout: false }); } }, pathText(p)),
    ),
  );
}

function checkbox(name, value, checked, text, color) {
  return h(
    'label',
    {},
    h('input', { type: 'checkbox', name, value, checked: checked ? true : undefined }),
    color ? h('span', { class: 'swatch', style: `background:${color}` }) : '',
    text,
  );
}

let knownTypes = [];
let pathSearched = false;
function renderFilters() {
  const types = [...new Set([...knownTypes, ...[...allDrawable().edges.values()].map((e) => e.type), ...state.hideTypes])];
  const kinds = $('#kind-filters');
  if (kinds.childElementCount === 0) kinds.replaceChildren(...KINDS.map((k) => checkbox('kind', k, true, k.toLowerCase(), COLORS[k])));
  for (const input of kinds.querySelectorAll('input')) input.checked = !state.hideKinds.includes(input.value);
  const shown = $('#type-filters');
  if (shown.childElementCount !== types.length) shown.replaceChildren(...types.map((t) => checkbox('type', t, true, t)));
  for (const input of shown.querySelectorAll('input')) input.checked = !state.hideTypes.includes(input.value);
  $('#hub-threshold').value = String(state.hub);
  $('#show-hubs').checked = state.showHubs;
  $('#path-hops').value = String(state.hops);
}

/** What the panel offers for an entity: leaving it out of paths (a hub that explains nothing), or back. */
function entityActions(id) {
  const avoided = state.avoid.includes(id);
  return [
    h('button', { type: 'button', class: 'avoid', 'data-avoid': id, onclick: () => void task(() => setAvoided(id, !avoided)) }, avoided ? 'Allow in paths' : 'Leave out of paths'),
  ];
}

async function setAvoided(id, avoided) {
  state.avoid = avoided ? [...state.avoid, id] : state.avoid.filter((x) => x !== id);
  if (state.selected === id) await select(id);
  await filtersChanged();
}

async function select(id) {
  state.selected = id;
  saveState();
  const panel = $('#panel');
  panel.replaceChildren(h('p', {}, 'Loading…'));
  try {
    const details = await api.entityDetails(id);
    if (state.selected === id) renderPanel(panel, details, (other) => void task(() => openEntity(other)), entityActions(id));
  } catch (err) {
    panel.replaceChildren(h('p', { class: 'error' }, err.message));
  }
}

/** The panel for a SAID_ABOUT link: what one entity said about the other, with evidence. */
async function showQuotesBetween(speaker, about) {
  const conn = await api.quotesBetween(speaker, about);
  const nodes = allDrawable().nodes;
  const name = (id) => nodes.get(id)?.name ?? id;
  renderQuotesPanel($('#panel'), `${name(speaker)} about ${name(about)}`, conn, (other) => void task(() => openEntity(other)));
}

/** Brings an entity into the view (expanding it) and shows it in the panel. */
async function openEntity(id) {
  if (!model.expanded.has(id)) {
    const r = await expand(id);
    if (!state.expanded.includes(id) && id !== state.focus) state.expanded.push(id);
    render();
    if (r.truncated) status(`Only the nearest ${FETCH_LIMIT} neighbours were fetched.`);
  }
  state.selected = id;
  render({ layout: false });
  cy.getElementById(id).select?.();
  await select(id);
}

/** Starts a new view from one entity: its neighbourhood, and it in the panel. Filters are kept. */
async function focusOn(id) {
  model.nodes.clear();
  model.edges.clear();
  model.groups.clear();
  model.expanded.clear();
  model.paths = [];
  Object.assign(state, { focus: id, expanded: [], opened: [], selected: id, from: id, to: null, path: 0 });
  $('#path-from').value = id;
  $('#path-to').value = '';
  await expand(id);
  render();
  await select(id);
}

/** An id as typed (`kind:slug`) or the best search hit for a name. */
async function resolve(text) {
  const t = text.trim();
  if (t === '') return null;
  if (/^[a-z]+:\S+$/.test(t)) return t;
  const hits = await api.search(t, 1);
  if (hits.length === 0) throw new Error(`Nothing is called “${t}”.`);
  return hits[0].id;
}

async function findPath(fromText, toText) {
  const [from, to] = [await resolve(fromText), await resolve(toText)];
  if (!from || !to) throw new Error('The path finder needs a start and an end.');
  state.from = from;
  state.to = to;
  state.path = 0;
  await showPath();
}

/** The filters as the API's GraphFilter: what the path finder may step through. */
function graphFilter() {
  const hidden = new Set(state.hideKinds);
  return {
    excludeRelationshipTypes: state.hideTypes.filter((t) => t !== 'SAID_ABOUT'),
    throughQuotes: !state.hideTypes.includes('SAID_ABOUT'),
    ...(hidden.size > 0 ? { kinds: KINDS.filter((k) => !hidden.has(k)) } : {}),
    ...(state.avoid.length > 0 ? { excludeIds: state.avoid } : {}),
  };
}

async function showPath() {
  model.paths = [];
  pathSearched = false;
  if (!state.from || !state.to) return render();
  model.paths = await api.paths(state.from, state.to, { maxHops: state.hops, filter: graphFilter(), maxDegree: state.showHubs ? null : state.hub });
  pathSearched = true;
  render();
}

function download(name, text, type) {
  const blob = text instanceof Blob ? text : new Blob([text], { type });
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

/**
 * The view as the export writers' graph (src/export/graph.ts, shared with `npm run export`): a
 * link through quotes carries the ids of its quotes.
 */
function exportGraph() {
  const view = visibleView();
  return {
    nodes: view.nodes.map(({ id, kind, name }) => ({ id, kind, name })),
    edges: view.edges.map((e) => ({ source: e.from, target: e.to, type: e.type, ...(e.quoteIds.size > 0 ? { properties: { quotes: [...e.quoteIds] } } : {}) })),
  };
}

function exportView(format) {
  const graph = exportGraph();
  const base = `summit-graph-${(state.focus ?? 'view').replace(/[^a-z0-9-]+/gi, '-')}`;
  if (format === 'png') download(`${base}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  if (format === 'graphml') download(`${base}.graphml`, toGraphML(graph), 'application/graphml+xml');
  if (format === 'json') download(`${base}.json`, toJson(graph), 'application/json');
  if (format === 'csv') {
    const { nodes, relationships } = toCsv(graph);
    download(`${base}-nodes.csv`, nodes, 'text/csv');
    // Two downloads from one click: browsers allow it for the same user gesture.
    setTimeout(() => download(`${base}-relationships.csv`, relationships, 'text/csv'), 100);
  }
}

function wireSearch() {
  const input = $('#search-input');
  const list = $('#search-results');
  let seq = 0;
  const show = (hits) => {
    list.replaceChildren(
      ...hits.map((e) => {
        const from = state.focus && state.focus !== e.id ? model.nodes.get(state.focus) : null;
        return h(
          'li',
          { role: 'option' },
          h('button', { type: 'button', 'data-id': e.id, onclick: () => pick(e.id) }, e.name, h('span', { class: 'kind' }, e.kind)),
          // With an entity open, a hit also answers "what connects them": the path from it, in one click.
          from ? h('button', { type: 'button', class: 'path-to', 'data-path-to': e.id, title: `Paths from ${from.name} to ${e.name}`, onclick: () => pathTo(e.id) }, `path from ${from.name}`) : '',
        );
      }),
    );
    list.hidden = hits.length === 0;
  };
  const pick = (id) => {
    list.hidden = true;
    input.value = '';
    void task(() => focusOn(id));
  };
  const pathTo = (id) => {
    list.hidden = true;
    input.value = '';
    void task(async () => {
      state.from = state.focus;
      state.to = id;
      state.path = 0;
      $('#path-from').value = state.from;
      $('#path-to').value = id;
      await showPath();
    });
  };
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q === '') return show([]);
    timer = setTimeout(() => {
      const mine = ++seq;
      void task(async () => {
        const hits = await api.search(q, 10);
        if (mine === seq) show(hits);
      });
    }, 150);
  });
  $('#search').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const first = list.querySelector('button');
    if (first) first.click();
  });
  document.addEventListener('click', (ev) => {
    if (!$('#search').contains(ev.target)) list.hidden = true;
  });
}

function wireControls() {
  $('#kind-filters').addEventListener('change', (ev) => {
    const v = ev.target.value;
    state.hideKinds = ev.target.checked ? state.hideKinds.filter((k) => k !== v) : [...state.hideKinds, v];
    void task(filtersChanged);
  });
  $('#type-filters').addEventListener('change', (ev) => {
    const v = ev.target.value;
    state.hideTypes = ev.target.checked ? state.hideTypes.filter((k) => k !== v) : [...state.hideTypes, v];
    void task(filtersChanged);
  });
  $('#hub-threshold').addEventListener('change', (ev) => {
    const n = Number(ev.target.value);
    if (Number.isInteger(n) && n >= 2 && n <= 500) {
      state.hub = n;
      void task(rebuild);
    }
  });
  $('#show-hubs').addEventListener('change', (ev) => {
    state.showHubs = ev.target.checked;
    void task(rebuild);
  });
  $('#path-hops').addEventListener('change', (ev) => {
    const n = Number(ev.target.value);
    if (Number.isInteger(n) && n >= 1 && n <= 6) state.hops = n;
  });
  $('#path-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void task(() => findPath($('#path-from').value, $('#path-to').value));
  });
  $('#path-clear').addEventListener('click', () => {
    state.to = null;
    state.path = 0;
    model.paths = [];
    $('#path-to').value = '';
    render({ layout: false });
  });
  for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => exportView(b.dataset.export));
  window.addEventListener('popstate', () => void task(restore));
}

/** Filters hide what is drawn at once; a path found is looked for again under the new filters. */
async function filtersChanged() {
  render({ layout: false });
  if (state.from && state.to && pathSearched) {
    state.path = 0;
    await showPath();
  }
}

/** Redraws the whole view from the state (after a hub setting changed, or from the URL). */
async function rebuild() {
  model.nodes.clear();
  model.edges.clear();
  model.groups.clear();
  model.expanded.clear();
  model.paths = [];
  cy.elements().remove();
  if (state.focus) {
    await expand(state.focus);
    // Opened groups reopen as their hub is expanded (expand).
    for (const id of state.expanded) if (!model.expanded.has(id)) await expand(id);
  }
  if (state.from && state.to) await showPath();
  render();
}

async function restore() {
  state = decodeState(location.search);
  // A link naming only an entity opens it in the panel too.
  if (state.selected === null && state.focus !== null) state.selected = state.focus;
  $('#path-from').value = state.from ?? '';
  $('#path-to').value = state.to ?? '';
  await rebuild();
  if (state.selected) await select(state.selected);
  else $('#panel').replaceChildren();
}

function createGraph() {
  cy = cytoscape({
    container: $('#graph'),
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, width: 22, height: 22, 'text-wrap': 'wrap', 'text-max-width': 120, 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1d2433' } },
      { selector: 'node.selected', style: { width: 30, height: 30, 'border-width': 4, 'border-color': '#1d2433', 'font-weight': 'bold' } },
      { selector: 'node.group', style: { shape: 'round-rectangle', width: 34, height: 18, 'background-opacity': 0.35, 'border-width': 1, 'border-style': 'dashed', 'border-color': 'data(color)', 'font-style': 'italic' } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#aab2c0', 'target-arrow-color': '#aab2c0', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#5b6478', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge.group-edge', style: { 'line-style': 'dashed' } },
      { selector: 'edge.said', style: { 'line-style': 'dashed', 'line-color': '#c9a227', 'target-arrow-color': '#c9a227', color: '#8a6d00' } },
      { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#e0741b' } },
      { selector: 'edge.on-path', style: { 'line-color': '#e0741b', 'target-arrow-color': '#e0741b', width: 4, color: '#b35300', 'font-weight': 'bold' } },
    ],
  });
  cy.on('tap', 'node', (ev) => {
    const key = ev.target.data('groupKey');
    if (key) void task(async () => { await openGroup(key); render(); });
    else void task(() => openEntity(ev.target.id()));
  });
  cy.on('tap', 'edge.said', (ev) => void task(() => showQuotesBetween(ev.target.source().id(), ev.target.target().id())));
  // Read by the browser test and handy in the console; the page never reads it back.
  window.summitExplorer = { cy, view: visibleView, state: () => structuredClone(state) };
}

async function main() {
  createGraph();
  wireSearch();
  wireControls();
  await task(async () => {
    knownTypes = await api.relationshipTypes();
    knownTypes.push('SAID_ABOUT');
    await restore();
  });
  document.body.dataset.ready = 'true';
}

void main();
