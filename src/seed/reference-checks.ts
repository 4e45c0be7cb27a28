/**
 * Checks of the reference dataset's facts (seed files without an `article` block: the gazetteers and
 * the curated summits under seed/summits/), beyond shape and references:
 *
 * - a SUMMIT a reference file defines has a `date`, a `source` URL, a `hostCountry` (a COUNTRY) and
 *   a HELD_IN venue, and its id starts with its date (`summit:<date>-<host city>`);
 * - every HELD_IN a reference file states leads, through LOCATED_IN chains, into the summit's host
 *   country;
 * - every ATTENDED a reference file states names a person in office on a day of the summit
 *   (`date` to `endDate`) according to the LEADS terms (`since`, `until`: both days included).
 *
 * Article files (reviewed or extracted) are left alone: they state what an article says, with its
 * evidence, not a curated fact. The facts the checks read (terms, LOCATED_IN, a summit's dates and
 * host) come from every file of the load, and, through `lookup`, from the graph for entities the
 * load does not state them for (a summit file loaded on its own into a graph holding the
 * gazetteers). Without a lookup, a fact the load lacks is reported as missing.
 */
import type { Db } from '../db/db.js';
import type { SeedRelation } from './model.js';
import { pathText, type ParsedSeedFile, type SeedIssue } from './validate.js';

/** One LEADS term: `since`/`until` as "YYYY-MM-DD" (open ends undefined). */
export interface OfficeTerm {
  country: string;
  title?: string;
  since?: string;
  until?: string;
}

export interface SummitFacts {
  date?: string;
  endDate?: string;
  hostCountry?: string;
}

/** What the graph holds about entities the load names but does not state facts for. */
export interface GraphFacts {
  /** LEADS terms by person id. */
  terms: Map<string, OfficeTerm[]>;
  /** The countries each place lies in, through LOCATED_IN chains in the graph. */
  countriesOf: Map<string, string[]>;
  summits: Map<string, SummitFacts>;
  /** Which of the asked country ids are Country nodes. */
  countries: Set<string>;
}

export interface GraphFactsQuery {
  persons: string[];
  places: string[];
  summits: string[];
  countries: string[];
}

export type ReferenceFactsLookup = (q: GraphFactsQuery) => Promise<GraphFacts>;

/** Asks the graph (query `seed.reference-facts`) for the facts the checks need. */
export function referenceFactsLookup(db: Db): ReferenceFactsLookup {
  return async (q) => {
    const facts: GraphFacts = { terms: new Map(), countriesOf: new Map(), summits: new Map(), countries: new Set() };
    if (q.persons.length + q.places.length + q.summits.length + q.countries.length === 0) return facts;
    const [row] = await db.read('seed.reference-facts', { ...q });
    for (const t of (row?.terms ?? []) as { person: string; country: string; title: string | null; since: string | null; until: string | null }[]) {
      const list = facts.terms.get(t.person) ?? [];
      list.push({ country: t.country, ...(t.title !== null ? { title: t.title } : {}), ...(t.since !== null ? { since: t.since } : {}), ...(t.until !== null ? { until: t.until } : {}) });
      facts.terms.set(t.person, list);
    }
    for (const p of (row?.placed ?? []) as { place: string; countries: string[] }[]) facts.countriesOf.set(p.place, p.countries);
    for (const s of (row?.summits ?? []) as { id: string; date: string | null; endDate: string | null; hostCountry: string | null }[]) {
      facts.summits.set(s.id, {
        ...(s.date !== null ? { date: s.date } : {}),
        ...(s.endDate !== null ? { endDate: s.endDate } : {}),
        ...(s.hostCountry !== null ? { hostCountry: s.hostCountry } : {}),
      });
    }
    for (const c of (row?.countries ?? []) as string[]) facts.countries.add(c);
    return facts;
  };
}

interface Located {
  file: ParsedSeedFile;
  path: (string | number)[];
}

/** Checks the reference files of a load (see the module comment). Returns every issue found. */
export async function checkReferenceFacts(files: ParsedSeedFile[], lookup?: ReferenceFactsLookup): Promise<SeedIssue[]> {
  const issues: SeedIssue[] = [];
  const issue = (at: Located, message: string): void => {
    issues.push({ file: at.file.file, path: pathText(at.path), ...at.file.locate(at.path), message });
  };

  // Facts the load states, from every file.
  const kinds = new Map<string, string>();
  const summits = new Map<string, SummitFacts>();
  const terms = new Map<string, OfficeTerm[]>();
  const locatedIn = new Map<string, string[]>();
  const venues = new Set<string>();
  for (const f of files) {
    for (const e of f.doc.entities ?? []) {
      kinds.set(e.id, e.kind);
      if (e.kind !== 'SUMMIT') continue;
      const prev = summits.get(e.id) ?? {};
      summits.set(e.id, {
        ...prev,
        ...(typeof e.date === 'string' ? { date: e.date } : {}),
        ...(typeof e.endDate === 'string' ? { endDate: e.endDate } : {}),
        ...(typeof e.hostCountry === 'string' ? { hostCountry: e.hostCountry } : {}),
      });
    }
    for (const r of f.doc.relations ?? []) {
      if (r.type === 'LEADS') {
        const list = terms.get(r.from) ?? [];
        list.push(termOf(r));
        terms.set(r.from, list);
      } else if (r.type === 'LOCATED_IN') {
        locatedIn.set(r.from, [...(locatedIn.get(r.from) ?? []), r.to]);
      } else if (r.type === 'HELD_IN') {
        venues.add(r.from);
      }
    }
  }

  // What reference files define and state, with where they say it.
  const refSummits: (Located & { id: string })[] = [];
  const heldIn: (Located & { r: SeedRelation })[] = [];
  const attended: (Located & { r: SeedRelation })[] = [];
  for (const f of files) {
    if (f.doc.article !== undefined) continue;
    (f.doc.entities ?? []).forEach((e, i) => {
      if (e.kind === 'SUMMIT') refSummits.push({ file: f, path: ['entities', i], id: e.id });
    });
    (f.doc.relations ?? []).forEach((r, i) => {
      if (r.type === 'HELD_IN') heldIn.push({ file: f, path: ['relations', i], r });
      else if (r.type === 'ATTENDED') attended.push({ file: f, path: ['relations', i], r });
    });
  }
  if (refSummits.length + heldIn.length + attended.length === 0) return issues;

  // The graph's facts for what the load leaves open.
  const hosts = new Set<string>();
  for (const s of summits.values()) if (s.hostCountry !== undefined) hosts.add(s.hostCountry);
  const query: GraphFactsQuery = {
    persons: [...new Set(attended.map((a) => a.r.from))],
    places: [...reachablePlaces(heldIn.map((h) => h.r.to), locatedIn)].filter((p) => kinds.get(p) !== 'COUNTRY' && !p.startsWith('country:')),
    summits: [...new Set([...heldIn.map((h) => h.r.from), ...attended.map((a) => a.r.to)])].filter((id) => !summits.has(id)),
    countries: [...hosts].filter((c) => kinds.get(c) !== 'COUNTRY'),
  };
  const graph = lookup ? await lookup(query) : undefined;
  const summitFacts = (id: string): SummitFacts | undefined => summits.get(id) ?? graph?.summits.get(id);

  for (const s of refSummits) {
    const e = (s.file.doc.entities ?? [])[s.path[1] as number];
    const facts = summits.get(s.id) ?? {};
    if (facts.date === undefined) issue({ ...s, path: [...s.path, 'date'] }, `a summit in a reference file needs its date (the first day)`);
    else if (s.id !== `summit:${facts.date}` && !s.id.startsWith(`summit:${facts.date}-`)) {
      issue({ ...s, path: [...s.path, 'id'] }, `id ${s.id} does not start with the summit's date: summit:${facts.date}-<host city>`);
    }
    if (typeof e?.source !== 'string') issue({ ...s, path: [...s.path, 'source'] }, 'a summit in a reference file needs a source (a URL of the public record)');
    if (facts.hostCountry === undefined) issue({ ...s, path: [...s.path, 'hostCountry'] }, 'a summit in a reference file needs its hostCountry (a COUNTRY id)');
    else if (typeof e?.hostCountry === 'string' && kinds.get(facts.hostCountry) !== 'COUNTRY' && !graph?.countries.has(facts.hostCountry)) {
      issue({ ...s, path: [...s.path, 'hostCountry'] }, `hostCountry ${facts.hostCountry} is not a COUNTRY defined in any file of this load, nor in the graph`);
    }
    if (!venues.has(s.id)) issue(s, `summit ${s.id} has no venue: add a HELD_IN relation to the place it was held in`);
  }

  for (const h of heldIn) {
    const host = summitFacts(h.r.from)?.hostCountry;
    if (host === undefined) continue; // nothing to check against (reported above for reference summits)
    const inside = countriesOf(h.r.to, locatedIn, graph);
    if (!inside.has(host)) {
      const where = inside.size > 0 ? `it lies in ${[...inside].sort().join(', ')}` : 'no LOCATED_IN chain from it reaches a country';
      issue({ ...h, path: [...h.path, 'to'] }, `venue ${h.r.to} is not inside the host country ${host} of ${h.r.from} (${where})`);
    }
  }

  for (const a of attended) {
    const facts = summitFacts(a.r.to);
    if (facts?.date === undefined) {
      issue({ ...a, path: [...a.path, 'to'] }, `summit ${a.r.to} has no date, so ${a.r.from}'s term in office cannot be checked`);
      continue;
    }
    const known = [...(terms.get(a.r.from) ?? []), ...(graph?.terms.get(a.r.from) ?? [])];
    const first = facts.date;
    const last = facts.endDate ?? facts.date;
    const span = last === first ? `on ${first}` : `from ${first} to ${last}`;
    if (known.length === 0) {
      issue({ ...a, path: [...a.path, 'from'] }, `${a.r.from} has no term in office (LEADS) in the leaders gazetteer, so cannot have attended ${a.r.to} as a leader`);
    } else if (!known.some((t) => (t.since === undefined || t.since <= last) && (t.until === undefined || t.until >= first))) {
      const list = known.map((t) => `${t.title ?? 'leader'} of ${t.country} ${t.since ?? '?'}..${t.until ?? ''}`).join('; ');
      issue({ ...a, path: [...a.path, 'from'] }, `${a.r.from} was not in office ${span} (summit ${a.r.to}); terms: ${list}`);
    }
  }
  // In file order, then line order, as the validator reports everything else.
  const order = new Map(files.map((f, i) => [f.file, i]));
  return issues.sort((x, y) => (order.get(x.file) ?? 0) - (order.get(y.file) ?? 0) || (x.line ?? 0) - (y.line ?? 0));
}

function termOf(r: SeedRelation): OfficeTerm {
  return {
    country: r.to,
    ...(typeof r.title === 'string' ? { title: r.title } : {}),
    ...(typeof r.since === 'string' ? { since: r.since } : {}),
    ...(typeof r.until === 'string' ? { until: r.until } : {}),
  };
}

/** The places `starts` lead to through the load's LOCATED_IN edges, the starts included. */
function reachablePlaces(starts: string[], locatedIn: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(locatedIn.get(id) ?? []));
  }
  return seen;
}

/** The countries a place lies in: along the load's LOCATED_IN edges, and the graph's from each place reached. */
function countriesOf(place: string, locatedIn: Map<string, string[]>, graph: GraphFacts | undefined): Set<string> {
  const out = new Set<string>();
  for (const id of reachablePlaces([place], locatedIn)) {
    if (id.startsWith('country:')) out.add(id);
    for (const c of graph?.countriesOf.get(id) ?? []) out.add(c);
  }
  return out;
}
