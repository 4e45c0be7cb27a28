import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { entityListLoader, type Entities } from './entities.js';
import { idLoader } from './batch.js';
import { pageParams, type PageArgs } from './params.js';
import { listOf, toQuote, type EntityRecord, type Page, type QuoteRecord } from './records.js';

/** Filters of the top-level quote list; null means any. */
export interface QuoteFilter {
  readonly speaker: string | null;
  readonly about: string | null;
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
   * so `Quote.speaker` after any quote list costs no round trip (`Quote.article` comes in the
   * record). The quote-by-id loader is NOT primed: its only callers (search hits, timeline events)
   * would then skip a query or not depending on which of the request's queries answered first, and
   * a request's round trips must follow from its shape alone.
   */
  adopt(item: unknown): QuoteRecord {
    const speaker = (item as Record<string, unknown>).speaker;
    if (speaker !== null && speaker !== undefined) this.entities.adopt(speaker);
    return toQuote(item);
  }

  /** Entities the quote is about, by name; [] for an unknown id. */
  about(id: string): Promise<EntityRecord[]> {
    return this.aboutLoader.load(id);
  }

  /** One page of all quotes matching `filter`, newest article first. */
  async list(filter: QuoteFilter, page: PageArgs): Promise<Page<QuoteRecord>> {
    const [row] = await this.db.read('quotes.list', { ...filter, ...pageParams(page) });
    return {
      items: listOf(row, 'items').map((item) => this.adopt(item)),
      totalCount: Number(row?.total ?? 0),
      offset: page.offset,
    };
  }
}
