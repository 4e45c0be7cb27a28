import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import worldCountriesModule, { type Countries } from 'world-countries';

/**
 * A deterministic synthetic corpus in the seed format (seed/FORMAT.md), shaped like real coverage:
 * a fixed world (250 real countries, 500 places, 400 leaders, 300 organizations of which 40 are
 * outlets, 5000 analysts, 800 journalists, 40 topics, 20 multilateral talks) and N articles, each
 * about one summit. Popularity is Zipf-distributed: a few leaders attend a large share of summits, a
 * few summits draw most of the coverage, a few analysts are quoted most.
 *
 * The number of summits is min(ceil(N / 4), 3000): a small corpus covers each summit once or twice,
 * a large one covers the same (finite) set of summits in more depth, as real coverage does. So going
 * from 10k to 100k articles multiplies articles and quotes by 10 but summits by 1.2.
 *
 * Same (articles, seed) -> byte-identical files. Every random draw goes through one xoroshiro128+
 * generator from `pure-rand`, in a fixed order.
 *
 * Layout of `outDir`: `seed/reference.json` (the world, no article), `seed/articles/NNN/a-NNNNNN.json`
 * with its text beside it as `a-NNNNNN.txt` (quotes and evidence occur verbatim in the text), and
 * `facts.json` (ids the benchmark asks about; outside `seed/` so the loader never sees it).
 */

export interface CorpusOptions {
  articles: number;
  seed: number;
  outDir: string;
  /**
   * `full` (default): the world described above. `small`: the same 250 countries but a tenth or
   * less of everything else (60 leaders, 150 analysts, ...), for tests that load a corpus several
   * times and need popular entities, not volume.
   */
  world?: 'full' | 'small';
}

export interface CorpusSummary {
  outDir: string;
  articles: number;
  summits: number;
  quotes: number;
  files: number;
  ms: number;
}

/** Ids the benchmark's operations ask about; written to `facts.json` in the corpus folder. */
export interface CorpusFacts {
  /** CORPUS_VERSION of the generator that wrote the corpus. */
  version: number;
  articles: number;
  seed: number;
  /** The most popular leader (Zipf rank 1): attends the largest share of summits. */
  busyLeader: string;
  /** A leader of middling popularity, for "a leader's summits". */
  leader: string;
  /** The most covered summit (most articles and quotes). */
  busySummit: string;
  /** A search term matching a handful of names. */
  searchTerm: string;
  /**
   * The path operation's ends: the most quoted analyst, and the first leader by popularity as far
   * from them as any leader within PATH_HOPS relationships in the generated graph (pathEnd): a path
   * that exists (an analyst reaches a leader through their organization and its country, in 3).
   */
  pathFrom: string;
  pathTo: string;
}

/**
 * Raised whenever the generator's output changes for the same options, so that `npm run bench`
 * regenerates a corpus an earlier version left in bench/data/ instead of timing stale facts.
 * 3: the path operation's ends are joined within PATH_HOPS (version 1 chose two that no path joins;
 * 2, for part of a day, two leaders exactly 4 hops apart, a search through the topic and place hubs
 * that cost Neo4j 29 ms a request at 10k, two thirds of the mix's work there).
 */
export const CORPUS_VERSION = 3;

/** The path operation's maxHops; pathTo is at most this many hops from pathFrom. */
export const PATH_HOPS = 4;

/**
 * The first of `candidates` at the greatest distance from `from` within `hops` relationships
 * (taken either way, as the path query does); undefined when none but `from` itself is reachable.
 * Breadth-first over `edges`.
 */
export function pathEnd(edges: readonly (readonly [string, string])[], from: string, candidates: readonly string[], hops: number): string | undefined {
  const next = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = next.get(a);
    if (list === undefined) next.set(a, [b]);
    else list.push(b);
  };
  for (const [a, b] of edges) {
    link(a, b);
    link(b, a);
  }
  const distance = new Map<string, number>([[from, 0]]);
  let frontier = [from];
  for (let h = 1; h <= hops && frontier.length > 0; h++) {
    const reached: string[] = [];
    for (const id of frontier) {
      for (const n of next.get(id) ?? []) {
        if (distance.has(n)) continue;
        distance.set(n, h);
        reached.push(n);
      }
    }
    frontier = reached;
  }
  let best: string | undefined;
  let bestDistance = 0;
  for (const c of candidates) {
    const d = distance.get(c);
    if (d !== undefined && d > bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// world-countries is CommonJS whose types declare an ES default export (see src/extract/gazetteer.ts).
const countries: Countries =
  (worldCountriesModule as unknown as { default?: Countries }).default ?? (worldCountriesModule as unknown as Countries);

const WORLDS = {
  full: { places: 500, leaders: 400, orgs: 300, outlets: 40, analysts: 5000, journalists: 800, topics: 40, talks: 20 },
  small: { places: 40, leaders: 60, orgs: 30, outlets: 6, analysts: 150, journalists: 30, topics: 10, talks: 4 },
} as const;
const MAX_SUMMITS = 3000;
const FILES_PER_FOLDER = 1000;

const FIRST_NAMES = [
  'Adrian', 'Amara', 'Anton', 'Beatriz', 'Boris', 'Carmen', 'Chen', 'Dara', 'Dmitri', 'Elena', 'Emeka', 'Farid',
  'Fatima', 'Goran', 'Hana', 'Hiro', 'Ingrid', 'Ivan', 'Jamal', 'Jana', 'Kenji', 'Lara', 'Leila', 'Luis',
  'Maya', 'Mehmet', 'Mira', 'Nadia', 'Niko', 'Omar', 'Olga', 'Pavel', 'Priya', 'Rafael', 'Rana', 'Sami',
  'Sara', 'Sergei', 'Sina', 'Tariq', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Yara', 'Yusuf', 'Zara', 'Zoran',
];
const SYLLABLES = [
  'ka', 'ro', 'vi', 'ne', 'to', 'sa', 'mi', 'lu', 'da', 'ze', 'pon', 'tar', 'vel', 'dor', 'kin', 'mar',
  'sol', 'ber', 'gan', 'hol', 'qui', 'ras', 'tev', 'zun', 'bro', 'fel', 'gri', 'lom', 'nus', 'pra',
];
const WORDS = [
  'we', 'will', 'expand', 'trade', 'cooperation', 'across', 'the', 'region', 'security', 'guarantees', 'are',
  'essential', 'for', 'lasting', 'peace', 'sanctions', 'remain', 'in', 'place', 'until', 'progress', 'is',
  'verified', 'both', 'sides', 'agreed', 'to', 'continue', 'dialogue', 'economic', 'ties', 'must', 'deepen',
  'this', 'meeting', 'shows', 'real', 'commitment', 'no', 'breakthrough', 'was', 'expected', 'energy',
  'supplies', 'matter', 'more', 'than', 'words', 'our', 'partners', 'understand', 'concerns', 'a', 'new',
  'framework', 'could', 'emerge', 'talks', 'stalled', 'over', 'inspections', 'investment', 'flows', 'should',
  'resume', 'soon', 'pressure', 'works', 'only', 'with', 'unity', 'border', 'tensions', 'have', 'eased',
  'climate', 'finance', 'needs', 'serious', 'money', 'alliances', 'shift', 'slowly', 'markets', 'reacted',
  'calmly', 'leaders', 'signalled', 'flexibility', 'nothing', 'concrete', 'came', 'out', 'of', 'it',
];
const TOPICS = [
  'Denuclearization', 'Trade', 'Energy', 'Climate', 'Migration', 'Cybersecurity', 'Terrorism', 'Sanctions',
  'Maritime security', 'Food security', 'Public health', 'Arms control', 'Investment', 'Infrastructure',
  'Human rights', 'Refugees', 'Space', 'Fisheries', 'Water', 'Debt relief', 'Tariffs', 'Rare earths',
  'Pipelines', 'Shipping', 'Artificial intelligence', 'Semiconductors', 'Tourism', 'Education',
  'Peacekeeping', 'Border disputes', 'Visa policy', 'Currency', 'Agriculture', 'Nuclear energy',
  'Telecommunications', 'Aviation', 'Disaster relief', 'Corruption', 'Elections', 'Reconstruction',
];

/** Draws reproducible values from one seeded generator; every helper consumes draws in a fixed order. */
class Draw {
  private readonly rng: RandomGenerator;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  float(): number {
    return uniformFloat64(this.rng);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
}

/** Zipf(s) over ranks 0..n-1 (rank 0 most likely), by binary search in the cumulative weights. */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(n: number, s: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += 1 / (k + 1) ** s;
      this.cumulative[k] = sum;
    }
  }
  sample(d: Draw): number {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const x = d.float() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** `k` distinct ranks (k <= n), each drawn by Zipf among those not yet drawn. */
  distinct(d: Draw, k: number): number[] {
    const out = new Set<number>();
    while (out.size < k) out.add(this.sample(d));
    return [...out];
  }
}

interface Person { id: string; name: string }
interface Named { id: string; name: string }
interface Summit { id: string; name: string; date: string; place: Named; participants: Person[]; topics: Named[] }

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Unique generated names: `make()` is called until it returns a name not seen before. */
function uniqueNames(n: number, make: () => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const name = make();
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

function isoDate(dayIndex: number): string {
  return new Date(Date.UTC(2000, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10);
}

/** 2..20 participants: bilateral most common, G20-size rare. */
function participantCount(d: Draw): number {
  const x = d.float();
  if (x < 0.55) return 2;
  if (x < 0.7) return 3;
  if (x < 0.85) return d.int(4, 6);
  if (x < 0.95) return d.int(7, 12);
  return d.int(13, 20);
}

/** Writes the corpus and returns what it wrote. Deterministic in (articles, seed). */
export function generateCorpus(opts: CorpusOptions): CorpusSummary & { facts: CorpusFacts } {
  const started = Date.now();
  const d = new Draw(opts.seed);
  const W = WORLDS[opts.world ?? 'full'];
  const [N_PLACES, N_LEADERS, N_ORGS, N_OUTLETS, N_ANALYSTS, N_JOURNALISTS, N_TOPICS, N_TALKS] =
    [W.places, W.leaders, W.orgs, W.outlets, W.analysts, W.journalists, W.topics, W.talks];
  const surname = (): string => capitalize(Array.from({ length: d.int(2, 3) }, () => d.pick(SYLLABLES)).join(''));
  const personName = (): string => `${d.pick(FIRST_NAMES)} ${surname()}`;

  // --- The world --------------------------------------------------------------------------------
  const countryList = [...countries].sort((a, b) => a.cca3.localeCompare(b.cca3)).map((c) => ({
    id: `country:${c.cca3}`,
    name: c.name.common,
    iso: c.cca3,
  }));
  const countryZipf = new Zipf(countryList.length, 1.0);
  const placeNames = uniqueNames(N_PLACES, () => capitalize(Array.from({ length: d.int(2, 3) }, () => d.pick(SYLLABLES)).join('')));
  const places = placeNames.map((name, i) => ({
    id: `place:${slug(name)}`,
    name,
    country: i < countryList.length ? (countryList[i] as Named) : (countryList[countryZipf.sample(d)] as Named),
  }));
  const personNames = uniqueNames(N_LEADERS + N_ANALYSTS + N_JOURNALISTS, personName);
  const people = personNames.map((name, i) => ({ id: `person:${slug(name)}-${i}`, name }));
  const leaders = people.slice(0, N_LEADERS);
  const analysts = people.slice(N_LEADERS, N_LEADERS + N_ANALYSTS);
  const journalists = people.slice(N_LEADERS + N_ANALYSTS);
  const leaderCountry = leaders.map((_, i) =>
    i < countryList.length ? (countryList[i] as Named) : (countryList[countryZipf.sample(d)] as Named),
  );
  const orgNames = uniqueNames(N_ORGS, () => {
    const base = capitalize(Array.from({ length: d.int(2, 3) }, () => d.pick(SYLLABLES)).join(''));
    return d.pick([`${base} Institute`, `${base} Center`, `${base} Foundation`, `${base} Council`]);
  });
  const outletNames = uniqueNames(N_OUTLETS, () => `${capitalize(d.pick(SYLLABLES) + d.pick(SYLLABLES))} ${d.pick(['Times', 'Post', 'Wire', 'Herald', 'Daily'])}`);
  const outlets = outletNames.map((name) => ({ id: `org:${slug(name)}`, name }));
  const orgs = orgNames.map((name) => ({ id: `org:${slug(name)}`, name }));
  const topics = TOPICS.slice(0, N_TOPICS).map((name) => ({ id: `topic:${slug(name)}`, name }));
  const talks = Array.from({ length: N_TALKS }, (_, i) => ({ id: `talks:forum-${i + 1}`, name: `Forum ${i + 1} talks` }));

  const entities: Record<string, unknown>[] = [];
  const relations: Record<string, unknown>[] = [];
  for (const c of countryList) entities.push({ id: c.id, kind: 'COUNTRY', name: c.name, isoCode: c.iso });
  for (const p of places) {
    entities.push({ id: p.id, kind: 'PLACE', name: p.name, placeType: 'city' });
    relations.push({ type: 'LOCATED_IN', from: p.id, to: p.country.id });
  }
  leaders.forEach((l, i) => {
    entities.push({ id: l.id, kind: 'PERSON', name: l.name, labels: ['Leader'], aliases: [l.name.split(' ')[1]] });
    relations.push({ type: 'LEADS', from: l.id, to: (leaderCountry[i] as Named).id, title: d.pick(['President', 'Prime Minister']), since: isoDate(d.int(0, 6000)) });
  });
  for (const o of outlets) entities.push({ id: o.id, kind: 'ORGANIZATION', name: o.name, orgType: 'news outlet' });
  for (const o of orgs) {
    entities.push({ id: o.id, kind: 'ORGANIZATION', name: o.name, orgType: 'think tank' });
    relations.push({ type: 'BASED_IN', from: o.id, to: (countryList[countryZipf.sample(d)] as Named).id });
  }
  const orgZipf = new Zipf(orgs.length, 0.9);
  for (const a of analysts) {
    entities.push({ id: a.id, kind: 'PERSON', name: a.name, labels: ['Analyst'] });
    relations.push({ type: 'AFFILIATED_WITH', from: a.id, to: (orgs[orgZipf.sample(d)] as Named).id, title: 'Senior Fellow', since: isoDate(d.int(0, 6000)) });
  }
  const journalistOutlet = journalists.map((_, i) => outlets[i % outlets.length] as Named);
  journalists.forEach((j, i) => {
    entities.push({ id: j.id, kind: 'PERSON', name: j.name, labels: ['Journalist'] });
    relations.push({ type: 'AFFILIATED_WITH', from: j.id, to: (journalistOutlet[i] as Named).id, title: 'Correspondent', since: isoDate(d.int(0, 6000)) });
  });
  for (const t of topics) entities.push({ id: t.id, kind: 'TOPIC', name: t.name });
  for (const t of talks) {
    entities.push({ id: t.id, kind: 'TALKS', name: t.name, startYear: d.int(1995, 2015), endYear: d.int(2016, 2024) });
    for (const c of new Zipf(countryList.length, 0.7).distinct(d, d.int(3, 12))) {
      relations.push({ type: 'MEMBER_OF', from: (countryList[c] as Named).id, to: t.id, joined: d.int(1995, 2015) });
    }
  }

  // --- Summits ----------------------------------------------------------------------------------
  const nSummits = Math.min(Math.ceil(opts.articles / 4), MAX_SUMMITS);
  const leaderZipf = new Zipf(leaders.length, 1.1);
  const placeZipf = new Zipf(places.length, 0.8);
  const summits: Summit[] = [];
  for (let j = 0; j < nSummits; j++) {
    const date = isoDate(d.int(0, 9100));
    const place = places[placeZipf.sample(d)] as (typeof places)[number];
    const participants = leaderZipf.distinct(d, participantCount(d)).map((k) => leaders[k] as Person);
    const summitTopics = new Zipf(topics.length, 1.0).distinct(d, d.int(1, 3)).map((k) => topics[k] as Named);
    const name = `${place.name} Summit ${date} No ${j + 1}`;
    summits.push({ id: `summit:${date}-${slug(place.name)}-${j + 1}`, name, date, place, participants, topics: summitTopics });
  }
  // Coverage popularity follows a random permutation of the summits, so the busiest is not the oldest.
  const coverageOrder = summits.map((s, j) => ({ s, key: d.float(), j })).sort((a, b) => a.key - b.key).map((x) => x.s);
  const summitZipf = new Zipf(summits.length, 0.8);

  const seedDir = join(opts.outDir, 'seed');
  mkdirSync(seedDir, { recursive: true });
  writeFileSync(
    join(seedDir, 'reference.json'),
    `${JSON.stringify({ format: 'summit-graph/seed@1', entities, relations })}\n`,
  );

  // --- Articles ---------------------------------------------------------------------------------
  const analystZipf = new Zipf(analysts.length, 1.0);
  const outletZipf = new Zipf(outlets.length, 1.0);
  let quoteCount = 0;
  let files = 1;
  // Articles are numbered newest first (ties keep draw order), so article-id order is our API's
  // "newest article first" order; see the note on summitQuotes in bench/ops.ts.
  const drafts = Array.from({ length: opts.articles }, (_, n) => {
    const s = coverageOrder[summitZipf.sample(d)] as Summit;
    const day = Math.min(9200, Math.round((Date.parse(s.date) - Date.UTC(2000, 0, 1)) / 86_400_000) + d.int(0, 3));
    return { s, day, n };
  }).sort((a, b) => b.day - a.day || a.n - b.n);
  for (let i = 0; i < opts.articles; i++) {
    const { s, day } = drafts[i] as (typeof drafts)[number];
    const num = String(i + 1).padStart(6, '0');
    const folder = join(seedDir, 'articles', String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'));
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const outletIdx = outletZipf.sample(d);
    const outlet = outlets[outletIdx] as Named;
    const authors = [...new Set(Array.from({ length: d.int(1, 2) }, () => journalists[outletIdx + outlets.length * d.int(0, journalists.length / outlets.length - 1)] as Person))];
    const published = isoDate(day);
    const names = s.participants.map((p) => p.name);
    const title = names.length === 2 ? `${names[0]} and ${names[1]} meet at the ${s.name}` : `${names.length} leaders gather for the ${s.name}`;
    const heldIn = `was held in ${s.place.name}`;
    const sentences: string[] = [`The ${s.name} ${heldIn} on ${s.date}.`];
    const attended = s.participants.map((p) => `${p.name} attended the ${s.name}`);
    for (const a of attended) sentences.push(`${a}.`);
    sentences.push(`The talks covered ${s.topics.map((t) => t.name.toLowerCase()).join(', ')}.`);
    const quotes: Record<string, unknown>[] = [];
    const nQuotes = d.int(2, 6);
    for (let k = 0; k < nQuotes; k++) {
      const speaker = d.chance(0.6) ? (analysts[analystZipf.sample(d)] as Person) : d.pick(s.participants);
      const words = Array.from({ length: d.int(8, 16) }, () => d.pick(WORDS));
      const text = capitalize(words.join(' '));
      sentences.push(`"${text}," said ${speaker.name}.`);
      const about: string[] = [s.id];
      if (d.chance(0.3)) about.push((s.topics[0] as Named).id);
      quotes.push({ id: `quote:a${num}-${k + 1}`, speaker: speaker.id, text, about });
    }
    quoteCount += nQuotes;
    const textName = `a-${num}.txt`;
    writeFileSync(join(folder, textName), `${title}\n\n${sentences.join(' ')}\n`);
    const doc = {
      format: 'summit-graph/seed@1',
      article: {
        id: `article:g${opts.seed}-${num}`,
        title,
        url: null,
        publishedAt: published,
        outlet: outlet.id,
        authors: authors.map((a) => a.id),
        textFile: textName,
        source: `synthetic (npm run gen, seed ${opts.seed})`,
      },
      entities: [
        { id: s.id, kind: 'SUMMIT', name: s.name, date: s.date, outcome: 'Talks continue', evidence: s.name },
      ],
      relations: [
        ...s.participants.map((p, k) => ({ type: 'ATTENDED', from: p.id, to: s.id, evidence: attended[k] })),
        { type: 'HELD_IN', from: s.id, to: s.place.id, evidence: heldIn },
        ...s.topics.map((t) => ({ type: 'DISCUSSED', from: s.id, to: t.id })),
      ],
      quotes,
    };
    writeFileSync(join(folder, `a-${num}.json`), `${JSON.stringify(doc)}\n`);
    files += 1;
  }

  // --- What the benchmark asks about ---------------------------------------------------------------
  const busyLeader = leaders[0] as Person;
  const midLeader = leaders[7] as Person;
  // The entity-to-entity relationships the loaded graph has: the reference file's, and those of
  // every summit an article covers (a summit no article covers is not in the graph).
  const graphEdges: [string, string][] = relations.map((r) => [String(r.from), String(r.to)]);
  for (const s of new Set(drafts.map((x) => x.s))) {
    for (const p of s.participants) graphEdges.push([p.id, s.id]);
    graphEdges.push([s.id, s.place.id]);
    for (const t of s.topics) graphEdges.push([s.id, t.id]);
  }
  const pathFrom = (analysts[0] as Person).id;
  const pathTo = pathEnd(graphEdges, pathFrom, leaders.map((l) => l.id), PATH_HOPS);
  if (pathTo === undefined) throw new Error(`no leader within ${PATH_HOPS} hops of ${pathFrom}`);
  const facts: CorpusFacts = {
    version: CORPUS_VERSION,
    articles: opts.articles,
    seed: opts.seed,
    busyLeader: busyLeader.id,
    leader: midLeader.id,
    busySummit: (coverageOrder[0] as Summit).id,
    searchTerm: (midLeader.name.split(' ')[1] as string),
    pathFrom,
    pathTo,
  };
  writeFileSync(join(opts.outDir, 'facts.json'), `${JSON.stringify(facts, null, 2)}\n`);
  return { outDir: opts.outDir, articles: opts.articles, summits: nSummits, quotes: quoteCount, files, ms: Date.now() - started, facts };
}
