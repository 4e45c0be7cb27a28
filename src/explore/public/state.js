// The view's state, kept in the page's URL so that a view can be shared by link and a reload
// restores it. Everything the view draws follows from these fields and the API's answers.

export const DEFAULT_HUB_THRESHOLD = 40;
export const DEFAULT_HOPS = 4;

/**
 * @typedef {object} ViewState
 * @property {string|null} focus     the entity searched for (its neighbourhood is drawn first)
 * @property {string[]} expanded     entities whose neighbourhood was added, in order
 * @property {string[]} opened       collapsed hub groups opened (`hubId|TYPE|KIND`)
 * @property {string|null} selected  the entity the side panel shows
 * @property {string[]} hideKinds    entity kinds filtered out
 * @property {string[]} hideTypes    relationship types filtered out
 * @property {number} hub            a node with more neighbours than this is collapsed
 * @property {boolean} showHubs      hubs drawn in full
 * @property {string|null} from      path finder: start
 * @property {string|null} to        path finder: end
 * @property {number} hops           path finder: maximum hops
 * @property {number} path           path finder: which of the paths found is drawn (0: the shortest)
 * @property {string[]} avoid        path finder: entities never stepped through
 */

const LISTS = { expanded: 'x', opened: 'o', hideKinds: 'hk', hideTypes: 'ht', avoid: 'av' };
const IDS = { focus: 'e', selected: 's', from: 'from', to: 'to' };

/** @returns {ViewState} */
export function emptyState() {
  return { focus: null, expanded: [], opened: [], selected: null, hideKinds: [], hideTypes: [], hub: DEFAULT_HUB_THRESHOLD, showHubs: false, from: null, to: null, hops: DEFAULT_HOPS, path: 0, avoid: [] };
}

function wholeIn(raw, min, max, fallback) {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The state a query string describes; unknown or malformed parameters fall back to defaults. */
export function decodeState(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  for (const [field, key] of Object.entries(IDS)) s[field] = p.get(key) || null;
  for (const [field, key] of Object.entries(LISTS)) s[field] = p.getAll(key).filter(Boolean);
  s.hub = wholeIn(p.get('hub'), 2, 500, DEFAULT_HUB_THRESHOLD);
  s.hops = wholeIn(p.get('hops'), 1, 6, DEFAULT_HOPS);
  s.showHubs = p.get('hubs') === 'all';
  s.path = wholeIn(p.get('p'), 0, 9, 0);
  return s;
}

/** The query string (with its `?`, or empty) for a state; defaults are left out to keep links short. */
export function encodeState(s) {
  const p = new URLSearchParams();
  for (const [field, key] of Object.entries(IDS)) if (s[field]) p.set(key, s[field]);
  for (const [field, key] of Object.entries(LISTS)) for (const v of s[field]) p.append(key, v);
  if (s.hub !== DEFAULT_HUB_THRESHOLD) p.set('hub', String(s.hub));
  if (s.hops !== DEFAULT_HOPS) p.set('hops', String(s.hops));
  if (s.showHubs) p.set('hubs', 'all');
  if (s.path !== 0) p.set('p', String(s.path));
  const q = p.toString();
  return q === '' ? '' : `?${q}`;
}
