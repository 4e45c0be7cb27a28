import cityTimezones from 'city-timezones';
import worldCountriesModule, { type Countries } from 'world-countries';
import type { EntityKind } from '../seed/model.js';
import { validateSeedPaths } from '../seed/load.js';
import { phraseKey, type Token } from './text.js';
import { VOCAB, type Vocabulary } from './vocab.js';

/**
 * What the extractor knows before it reads an article: countries (ISO 3166 codes, names, demonyms and
 * capitals from the maintained `world-countries` package), cities (`city-timezones`, GeoNames-based),
 * and the curated reference seed files (leaders with terms in office, organizations, places). Names
 * are matched by exact token phrase (case-sensitive, apostrophes and abbreviation dots normalized),
 * longest first.
 */

export interface Term {
  country: string;
  title: string;
  since?: string;
  until?: string;
}

export interface GazEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  labels: string[];
  isoCode?: string;
  /** LEADS terms (persons). */
  terms: Term[];
  /** The country a place lies in or an organization is based in, when known. */
  country?: string;
  /** The place a place lies in (LOCATED_IN a place), for choosing the most specific venue. */
  within?: string;
  /** The organization an organization is part of (PART_OF). */
  partOf?: string;
  orgType?: string;
  placeType?: string;
  /** Countries: the capital's name (world-countries). */
  capital?: string;
  /** Summits of the reference data: first and last day, and the place they were held in. */
  date?: string;
  endDate?: string;
  heldIn?: string;
  /** Where the entry came from: curated seed data is trusted more than generated lists. */
  source: 'reference' | 'countries' | 'cities' | 'regions' | 'graph';
}

/** How a phrase matched: a name or alias, a demonym, or a capital standing for its government. */
export type MatchRule = 'name' | 'alias' | 'demonym' | 'capital';

export interface GazMatch {
  length: number;
  ids: string[];
  /** How the phrase names each id (a capital names its country differently than its city). */
  rules: Map<string, MatchRule>;
  /** The best of `rules`: name before alias before demonym before capital. */
  rule: MatchRule;
}

// world-countries is CommonJS whose types declare an ES default export; under NodeNext the default
// import is the module object, so take `.default` when it is there.
const worldCountries: Countries =
  (worldCountriesModule as unknown as { default?: Countries }).default ?? (worldCountriesModule as unknown as Countries);

/** Cities smaller than this are left out of the generated city list (curated places have no limit). */
const CITY_MIN_POPULATION = 150_000;

export class Gazetteer {
  readonly entities = new Map<string, GazEntity>();
  private readonly phrases = new Map<string, Map<string, MatchRule>>();
  /** For each first token of a phrase, the phrase lengths (in tokens) that start with it, longest first. */
  private readonly lengthsByFirst = new Map<string, number[]>();
  private personsWithTerms: GazEntity[] | undefined;
  private maxTokens = 1;

  /** The entry for an id, or undefined. */
  get(id: string): GazEntity | undefined {
    return this.entities.get(id);
  }

  /** Adds (or merges into) an entry and indexes its name and aliases. */
  add(e: GazEntity, extraForms: { form: string; rule: MatchRule }[] = []): void {
    const prev = this.entities.get(e.id);
    // Curated reference entries keep their name and fields; generated lists only add forms.
    const keepPrev = prev?.source === 'reference' && e.source !== 'reference';
    const merged: GazEntity = prev
      ? {
          ...(keepPrev ? { ...e, ...prev } : { ...prev, ...e }),
          source: prev.source === 'reference' ? 'reference' : e.source,
          aliases: [...new Set([...prev.aliases, ...e.aliases, ...(keepPrev && e.name !== prev.name ? [e.name] : [])])],
          labels: [...new Set([...prev.labels, ...e.labels])],
          terms: dedupeTerms([...prev.terms, ...e.terms]),
        }
      : e;
    this.entities.set(e.id, merged);
    this.index(e.name, e.id, 'name');
    for (const a of e.aliases) this.index(a, e.id, 'alias');
    for (const x of extraForms) this.index(x.form, e.id, x.rule);
  }

  /** Gazetteer persons with at least one term in office (cached; the gazetteer is built once). */
  leaders(): GazEntity[] {
    this.personsWithTerms ??= [...this.entities.values()].filter((e) => e.kind === 'PERSON' && e.terms.length > 0);
    return this.personsWithTerms;
  }

  private index(form: string, id: string, rule: MatchRule): void {
    const key = phraseKey(form);
    if (key === '') return;
    this.personsWithTerms = undefined;
    const parts = key.split(' ');
    const n = parts.length;
    this.maxTokens = Math.max(this.maxTokens, n);
    const lengths = this.lengthsByFirst.get(parts[0] as string) ?? [];
    if (!lengths.includes(n)) {
      lengths.push(n);
      lengths.sort((a, b) => b - a);
      this.lengthsByFirst.set(parts[0] as string, lengths);
    }
    const slot = this.phrases.get(key) ?? new Map<string, MatchRule>();
    const prev = slot.get(id);
    if (prev === undefined || rank(rule) < rank(prev)) slot.set(id, rule);
    this.phrases.set(key, slot);
  }

  /** The longest phrase starting at token `i` (within one sentence, at most `maxTokens` long), or undefined. */
  match(tokens: Token[], i: number, maxTokens = Infinity): GazMatch | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const lengths = this.lengthsByFirst.get(first.key);
    if (!lengths) return undefined;
    for (const n of lengths) {
      if (i + n > tokens.length || n > maxTokens) continue;
      const last = tokens[i + n - 1] as Token;
      if (last.sentence !== first.sentence) continue;
      let key = '';
      for (let k = i; k < i + n; k++) key += (k === i ? '' : ' ') + (tokens[k] as Token).key;
      const hit = this.phrases.get(key);
      if (hit) {
        const best = [...hit.values()].sort((a, b) => rank(a) - rank(b))[0] as MatchRule;
        return { length: n, ids: [...hit.keys()], rules: hit, rule: best };
      }
    }
    return undefined;
  }

  /** Entries whose name or alias is exactly `form` (as a phrase). */
  lookup(form: string): string[] {
    return [...(this.phrases.get(phraseKey(form))?.keys() ?? [])];
  }
}

/** One term per (country, title, since): files that repeat a term do not double it. */
function dedupeTerms(terms: Term[]): Term[] {
  const seen = new Map<string, Term>();
  for (const t of terms) seen.set(`${t.country}|${t.title}|${t.since ?? ''}`, t);
  return [...seen.values()];
}

function rank(rule: MatchRule): number {
  return { name: 0, alias: 1, demonym: 2, capital: 3 }[rule];
}

/**
 * Adds every country of `world-countries` (independent or not) with demonyms and capitals, the
 * forms and historical states of the vocabulary (`vocab/countries.yaml`).
 */
export function addCountries(g: Gazetteer, vocab: Vocabulary = VOCAB): void {
  const v = vocab.countries;
  for (const c of worldCountries) {
    const iso = c.cca3;
    const name = v.preferredNames[iso] ?? c.name.common;
    const aliases = [c.name.common, c.name.official, ...c.altSpellings, ...(v.extraNames[iso] ?? [])].filter(
      (a) => a !== name && /^[\x20-\x7E’À-ž]+$/.test(a) && (a.length > 2 || /^[A-Z]{2}$/.test(a) === false || (v.extraNames[iso] ?? []).includes(a)) && !/,/.test(a),
    );
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d && !v.skipDemonyms.has(d));
    demonyms.push(...(v.extraDemonyms[iso] ?? []));
    const capitals = [...(c.capital ?? []), ...(v.extraCapitals[iso] ?? [])];
    g.add(
      { id: `country:${iso}`, kind: 'COUNTRY', name, aliases: [...new Set(aliases)], labels: [], isoCode: iso, terms: [], ...(c.capital?.[0] ? { capital: c.capital[0] } : {}), source: 'countries' },
      [
        ...[...new Set(demonyms)].map((form): { form: string; rule: MatchRule } => ({ form, rule: 'demonym' })),
        ...capitals.map((form): { form: string; rule: MatchRule } => ({ form, rule: 'capital' })),
      ],
    );
  }
}

/** Adds the states that no longer exist but that news still names (Soviet Union, East Germany). */
export function addHistoricalCountries(g: Gazetteer, vocab: Vocabulary = VOCAB): void {
  for (const h of vocab.countries.historical) {
    g.add(
      { id: `country:${h.iso}`, kind: 'COUNTRY', name: h.name, aliases: h.aliases, labels: [], isoCode: h.iso, terms: [], source: 'countries' },
      h.demonyms.map((form): { form: string; rule: MatchRule } => ({ form, rule: 'demonym' })),
    );
  }
}

/** Adds the first-level regions of `vocab/regions.yaml` as places in their country. */
export function addRegions(g: Gazetteer, vocab: Vocabulary = VOCAB): void {
  for (const [iso, names] of Object.entries(vocab.regions)) {
    for (const name of names) {
      const id = `place:${slugify(name)}`;
      const prev = g.get(id);
      if (prev && prev.source === 'reference') continue;
      g.add({ id, kind: 'PLACE', name, aliases: [], labels: [], terms: [], country: `country:${iso}`, placeType: 'region', source: 'regions' });
    }
  }
}

/** Adds cities above CITY_MIN_POPULATION as places, with the country they lie in. */
export function addCities(g: Gazetteer): void {
  for (const c of cityTimezones.cityMapping) {
    if ((c.pop ?? 0) < CITY_MIN_POPULATION || !c.iso3) continue;
    const id = `place:${slugify(c.city_ascii || c.city)}`;
    if (g.get(id)) continue;
    g.add({ id, kind: 'PLACE', name: c.city, aliases: c.city_ascii && c.city_ascii !== c.city ? [c.city_ascii] : [], labels: [], terms: [], country: `country:${c.iso3}`, placeType: 'city', source: 'cities' });
  }
}

/**
 * Adds the curated reference seed files under `paths` (files without an `article` block: the leaders,
 * organizations and places gazetteers and seed/reference.yaml). Article seed files are skipped, so
 * the extractor is never handed the answers for an article it is evaluated on.
 */
export async function addReferenceSeeds(g: Gazetteer, paths: string[]): Promise<void> {
  const files = await validateSeedPaths(paths);
  for (const f of files) {
    if (f.doc.article !== undefined) continue;
    const located = new Map<string, string>();
    const within = new Map<string, string>();
    const partOf = new Map<string, string>();
    const heldIn = new Map<string, string>();
    const terms = new Map<string, Term[]>();
    for (const r of f.doc.relations ?? []) {
      if (r.type === 'LEADS') {
        const list = terms.get(r.from) ?? [];
        list.push({ country: r.to, title: String(r.title ?? 'Leader'), ...(typeof r.since === 'string' ? { since: r.since } : {}), ...(typeof r.until === 'string' ? { until: r.until } : {}) });
        terms.set(r.from, list);
      } else if ((r.type === 'LOCATED_IN' || r.type === 'BASED_IN') && r.to.startsWith('country:')) {
        located.set(r.from, r.to);
      } else if (r.type === 'LOCATED_IN' && r.to.startsWith('place:')) {
        within.set(r.from, r.to);
      } else if (r.type === 'PART_OF') {
        partOf.set(r.from, r.to);
      } else if (r.type === 'HELD_IN') {
        heldIn.set(r.from, r.to);
      }
    }
    for (const e of f.doc.entities ?? []) {
      g.add({
        id: e.id,
        kind: e.kind,
        name: e.name,
        aliases: e.aliases ?? [],
        labels: e.labels ?? [],
        ...(typeof e.isoCode === 'string' ? { isoCode: e.isoCode } : {}),
        terms: terms.get(e.id) ?? [],
        ...(located.has(e.id) ? { country: located.get(e.id) } : {}),
        ...(within.has(e.id) ? { within: within.get(e.id) } : {}),
        ...(partOf.has(e.id) ? { partOf: partOf.get(e.id) } : {}),
        ...(typeof e.orgType === 'string' ? { orgType: e.orgType } : {}),
        ...(typeof e.placeType === 'string' ? { placeType: e.placeType } : {}),
        ...(typeof e.date === 'string' ? { date: e.date } : {}),
        ...(typeof e.endDate === 'string' ? { endDate: e.endDate } : {}),
        ...(heldIn.has(e.id) ? { heldIn: heldIn.get(e.id) } : {}),
        source: 'reference',
      });
    }
  }
}

/** `Moon Jae-in` -> `moon-jae-in`: lowercase ASCII, accents stripped, other runs become one hyphen. */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
