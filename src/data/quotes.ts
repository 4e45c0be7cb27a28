import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { entityListLoader, type Entities } from './entities.js';
import { idLoader } from './batch.js';
import { merged, pageParams, type PageArgs } from './params.js';
import { listOf, pageFrom, toQuote, type EntityRecord, type Page, type QuoteRecord } from './records.js';

/** Filters of the top-level quote list; null means any. */
export interface QuoteFilter {
  readonly speaker: string | null;
  readonly about: string | null;
  /** A summit id the quote is ABOUT (the query takes it with `about` as one list). */
  readonly summit: string | null;
  /** Person labels (Leader, Analyst, Official, Journalist); the speaker carries one of them. */
  readonly roles: readonly string[] | null;
}

/**
 * What a quote list brings besides the quotes and their speakers, from the request's selection.
 * `speakerAffiliations`: each speaker's organizations too (the query's `affiliations` column), when
 * the selection asks for them (`speaker { affiliations }`): "what each analyst said, and where they
 * work" is then one query instead of two. `article`: each quote's article, when the selection asks
 * for it; a dashboard listing quotes with their speakers saves Neo4j an article lookup per quote.
 * Part of the loader key, so lists asked with and without share nothing.
 */
export interface QuoteOptions {
  readonly speakerAffiliations: boolean;
  readonly article: boolean;
}

/** Quotes for one request: by id, their subjects, and the filtered list. */
export class Quotes {
  private readonly byId: DataLoader<string, QuoteRecord | null>;
  private readonly aboutLoader: DataLoader<string, EntityRecord[]>;

  constructor(
    private readonly db: Db,
    private readonly entities: Entities,
  ) {
    this.byId = idLoader(
      (ids) => db.read('quotes.by-ids', { ids }),
      (row) => this.adopt(row.item),
      () => null,
      'quotes.by-ids',
    );
    this.aboutLoader = entityListLoader(db, 'quotes.about', entities);
  }

  /** The quote with this id, or null. */
  get(id: string): Promise<QuoteRecord | null> {
    return this.byId.load(id);
  }

  /**
   * Converts a quote map (see toQuote) into a record and primes the entity loader with its speaker,
   * so that a `get` of the speaker elsewhere in the request costs no round trip. The record carries
   * the speaker too, with the organizations when the map brings them (QuoteOptions), and
   * `Quote.speaker` answers from it (resolvers/content.ts): a quote list's speakers then cost no
   * loader call or promise per item. The organizations stay on that occurrence (`preloaded`)
   * rather than priming the affiliations loader, and the quote-by-id loader is not primed: a field
   * elsewhere in the request would then skip a query or not depending on which of the request's
   * queries answered first, and a request's round trips must follow from its shape alone.
   */
  adopt(item: unknown): QuoteRecord {
    const speaker = (item as Record<string, unknown>).speaker;
    return toQuote(item, speaker === null || speaker === undefined ? null : this.entities.adopt(speaker));
  }

  /** Entities the quote is about, by name; [] for an unknown id. */
  about(id: string): Promise<EntityRecord[]> {
    return this.aboutLoader.load(id);
  }

  /** One page of all quotes matching `filter`, newest article first (QuoteOptions: what else to bring). */
  async list(filter: QuoteFilter, page: PageArgs, options: QuoteOptions): Promise<Page<QuoteRecord>> {
    const about = [filter.about, filter.summit].filter((id) => id !== null);
    const params = { speaker: filter.speaker, about, roles: filter.roles };
    const [row] = await this.db.read('quotes.list', merged(params, pageParams(page), options));
    return pageFrom(row, page, (item) => this.adopt(item));
  }
}
