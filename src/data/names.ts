import { DomainError } from '../errors.js';
import { searchWords } from './lucene.js';
import type { EntityKind } from './records.js';
import { EXACT_MATCH_BONUS, type Search } from './search.js';

/** Ids look like `kind:slug` (person:kim-jong-un, country:PRK); anything else is taken for a name. */
const ID = /^[a-z]+:\S+$/;
const MAX_LENGTH = 200;
/** How many candidates an ambiguous name lists (and how many hits the resolution reads). */
export const MAX_CANDIDATES = 10;

/** One entity a name could mean, as AMBIGUOUS_NAME lists them in `extensions.candidates`. */
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

/** Lower case, single spaces, trimmed: how search.entities compares a whole name ($exact). */
function normalName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Turns what a user typed where an entity is expected into an id: an id (`kind:slug`) is returned
 * as it is (whether it exists is the caller's query's business, as before names were accepted); a
 * name goes through the full-text search (names and aliases only, never quote text), restricted to
 * `kinds`:
 * - exactly one entity whose name or an alias equals the whole name (case and spacing aside): it;
 *   several: AMBIGUOUS_NAME listing them;
 * - otherwise exactly one search hit: it; several: AMBIGUOUS_NAME listing the best
 *   MAX_CANDIDATES; none: NOT_FOUND.
 * Each distinct (name, kinds) is resolved once per request.
 */
export class Names {
  private readonly known = new Map<string, Promise<string>>();

  constructor(private readonly search: Search) {}

  /** `value` for argument `argument` as an id (see the class comment). */
  resolve(argument: string, value: string, kinds: readonly EntityKind[] | null = null): Promise<string> {
    const text = value.trim();
    if (text.length > MAX_LENGTH) {
      return Promise.reject(new DomainError('BAD_USER_INPUT', `${argument} must be an id or a name of at most ${MAX_LENGTH} characters`, { argument }));
    }
    if (ID.test(text)) return Promise.resolve(text);
    const key = JSON.stringify([normalName(text), kinds]);
    let id = this.known.get(key);
    if (id === undefined) this.known.set(key, (id = this.lookUp(argument, text, kinds)));
    return id;
  }

  /** resolve for an optional argument: null and undefined stay null. */
  async resolveOptional(argument: string, value: string | null | undefined, kinds: readonly EntityKind[] | null = null): Promise<string | null> {
    return value === null || value === undefined ? null : this.resolve(argument, value, kinds);
  }

  private async lookUp(argument: string, name: string, kinds: readonly EntityKind[] | null): Promise<string> {
    const words = searchWords(name);
    if (words.length === 0) {
      throw new DomainError('BAD_USER_INPUT', `${argument} must be an id like person:kim-jong-un or a name, got ${JSON.stringify(name)}`, { argument });
    }
    const hits = await this.search.entitiesMatching(name, words, kinds, MAX_CANDIDATES, false);
    // search.entities adds EXACT_MATCH_BONUS to a name or alias equal to the whole query (lower case,
    // single spaces), and Lucene's own scores stay far below it (light projections carry no aliases).
    const exact = hits.filter((h) => h.score >= EXACT_MATCH_BONUS);
    const chosen = exact.length > 0 ? exact : hits;
    if (chosen.length === 1) return (chosen[0] as (typeof chosen)[0]).entity.id;
    const what = kinds === null ? 'entity' : kinds.map((k) => k.toLowerCase()).join(' or ');
    if (chosen.length === 0) {
      throw new DomainError('NOT_FOUND', `${argument}: no ${what} is named ${JSON.stringify(name)} (search finds ids by name)`, { argument, name });
    }
    const candidates: Candidate[] = chosen.map((h) => ({ id: h.entity.id, name: h.entity.name, kind: h.entity.kind }));
    throw new DomainError(
      'AMBIGUOUS_NAME',
      `${argument}: ${JSON.stringify(name)} names ${chosen.length === MAX_CANDIDATES ? `at least ${MAX_CANDIDATES}` : chosen.length} ${what === 'entity' ? 'entities' : `of ${what}`}: ${candidates.map((c) => `${c.name} (${c.id})`).join(', ')}; give an id or a fuller name`,
      { argument, name, candidates },
    );
  }
}
