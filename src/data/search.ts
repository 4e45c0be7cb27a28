import type { Db } from '../db/db.js';
import type { Entities } from './entities.js';
import { prefixQuery } from './lucene.js';
import { int } from './params.js';
import { KIND_LABELS, type EntityKind, type EntityRecord } from './records.js';

export interface SearchHitRecord {
  readonly score: number;
  readonly entity: EntityRecord;
  /** Set when the hit came from the text of a quote the entity (a person) gave. */
  readonly quoteId: string | null;
}

/**
 * How much a match in a quote's text counts against a match in a name. Below 1 so that searching a
 * name finds the entity first and the people who talked about it after; a quote is evidence of
 * relevance, not of identity.
 */
export const QUOTE_WEIGHT = 0.5;

/**
 * Added to the score of an entity whose name or an alias equals the whole query. Lucene's scores
 * stay well below it, so exact matches always come first and keep Lucene's order among themselves.
 */
export const EXACT_MATCH_BONUS = 100;

/** Full-text search for one request. */
export class Search {
  constructor(
    private readonly db: Db,
    private readonly entities: Entities,
  ) {}

  /**
   * At most `first` entities matching every word of `query` (`words`, see lucene.ts), best first;
   * a name or alias equal to the whole query first of all. `kinds` (null = all)
   * filters name matches; quote matches (which yield the speaker, a person) are only included when
   * PERSON is among the kinds, and never with `quotes` false (name resolution: names.ts).
   */
  async entitiesMatching(
    query: string,
    words: readonly string[],
    kinds: readonly EntityKind[] | null,
    first: number,
    quotes = true,
  ): Promise<SearchHitRecord[]> {
    const rows = await this.db.read('search.entities', {
      lucene: prefixQuery(words),
      exact: query.trim().toLowerCase().replace(/\s+/g, ' '),
      exactBonus: EXACT_MATCH_BONUS,
      labels: kinds === null ? null : kinds.map((k) => KIND_LABELS[k]),
      includeQuotes: quotes && (kinds === null || kinds.includes('PERSON')),
      quoteWeight: QUOTE_WEIGHT,
      first: int(first),
    });
    return rows.map((row) => ({
      score: Number(row.score),
      entity: this.entities.adopt(row.entity),
      quoteId: typeof row.quoteId === 'string' ? row.quoteId : null,
    }));
  }
}
