/**
 * Facts of the project's seed files (seed/), read straight from the YAML, so that tests over a graph
 * loaded from seed/ derive their expected counts and lists from the data rather than hard-code them:
 * the reference summits (seed/summits/) grow as the dataset does.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { collectSeedFiles } from '../../src/seed/load.js';
import type { SeedDocument, SeedRelation } from '../../src/seed/model.js';
import { SEED_DIR } from './neo4j.js';

export interface SeedFacts {
  docs: SeedDocument[];
  /** Ids of the summits `person` ATTENDED, sorted (a summit id starts with its date, so by date). */
  attendedBy(person: string): string[];
  /** Ids of the summits HELD_IN a place whose LOCATED_IN chain reaches `country`, sorted. */
  heldIn(country: string): string[];
  /**
   * What Country.summits answers (cypher/countries.lists.cypher): summits held in the country, or
   * attended by a person who LEADS it and was in office on the summit's date (open ends count).
   */
  countrySummits(country: string): string[];
  /** Ids of the summits dated on or after `day` (YYYY-MM-DD), sorted. */
  datedFrom(day: string): string[];
  /** Every SUMMIT id defined in the files. */
  summits(): string[];
}

export async function seedFacts(dir: string = SEED_DIR): Promise<SeedFacts> {
  const { files } = await collectSeedFiles([dir]);
  const docs = await Promise.all(files.map(async (f) => parse(await readFile(f, 'utf8')) as SeedDocument));
  const relations: SeedRelation[] = docs.flatMap((d) => d.relations ?? []);
  const dates = new Map<string, string>();
  for (const d of docs) for (const e of d.entities ?? []) if (e.kind === 'SUMMIT' && typeof e.date === 'string') dates.set(e.id, e.date);
  const summitIds = [...new Set(docs.flatMap((d) => (d.entities ?? []).filter((e) => e.kind === 'SUMMIT').map((e) => e.id)))].sort();
  const of = (type: string): SeedRelation[] => relations.filter((r) => r.type === type);
  const within = (place: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [place];
    while (todo.length > 0) {
      const id = todo.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const r of of('LOCATED_IN')) if (r.from === id) todo.push(r.to);
    }
    return seen;
  };
  const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();
  const heldIn = (country: string): string[] => sorted(of('HELD_IN').filter((r) => within(r.to).has(country)).map((r) => r.from));
  return {
    docs,
    attendedBy: (person) => sorted(of('ATTENDED').filter((r) => r.from === person).map((r) => r.to)),
    heldIn,
    countrySummits: (country) => {
      const leaders = of('LEADS').filter((r) => r.to === country);
      const attended = of('ATTENDED').filter((a) => {
        const day = dates.get(a.to);
        return leaders.some((l) => l.from === a.from && (day === undefined || ((l.since === undefined || String(l.since) <= day) && (l.until === undefined || day <= String(l.until)))));
      });
      return sorted([...heldIn(country), ...attended.map((a) => a.to)]);
    },
    datedFrom: (day) => summitIds.filter((id) => (dates.get(id) ?? '') >= day),
    summits: () => summitIds,
  };
}
