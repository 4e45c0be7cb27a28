import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { idLoader, pageLoader, type ArgsKey } from './batch.js';
import { entityListsLoader, entityLoader, type Entities, type EntityLists } from './entities.js';
import { merged, pageParams, type PageArgs } from './params.js';
import type { QuoteOptions, Quotes } from './quotes.js';
import { listOf, pageFrom, toArticle, type ArticleRecord, type EntityRecord, type Page, type QuoteRecord } from './records.js';

/** Filters of the summit list; null means any. Dates are "YYYY-MM-DD", inclusive. */
export interface SummitFilter {
  readonly participant: string | null;
  readonly country: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** Summit fields and the summit list for one request. */
export class Summits {
  private readonly placeLoader: DataLoader<string, EntityRecord | null>;
  private readonly countryLoader: DataLoader<string, EntityRecord | null>;
  private readonly lists: EntityLists<'participants' | 'topics' | 'series'>;
  private readonly articlesLoader: DataLoader<string, ArticleRecord[]>;
  private readonly quotesLoader: DataLoader<ArgsKey<QuotesArgs>, Page<QuoteRecord>, string>;
  /** Participants and country of the summits the summit list brought, by summit id (list). */
  private readonly listed = new Map<string, { readonly participants: EntityRecord[] | null; readonly country: EntityRecord | null | undefined }>();

  constructor(
    private readonly db: Db,
    private readonly entities: Entities,
    quotes: Quotes,
  ) {
    this.placeLoader = entityLoader(db, 'summits.place', entities);
    this.countryLoader = entityLoader(db, 'summits.country', entities);
    this.lists = entityListsLoader('summits.lists', entities, ['participants', 'topics', 'series']);
    this.articlesLoader = idLoader(
      (ids) => db.read('summits.articles', { ids }),
      (row) => listOf(row, 'items').map(toArticle),
      () => [],
      'summits.articles',
    );
    this.quotesLoader = pageLoader(
      (ids, { page, ...options }: QuotesArgs) =>
        entities.readCarrying('summits.quotes', { ids, ...options, ...pageParams(page) }),
      (args) => args.page,
      (item) => quotes.adopt(item),
      'summits.quotes',
    );
  }

  place(id: string): Promise<EntityRecord | null> {
    return this.placeLoader.load(id);
  }

  /** The country of the summit's place (HELD_IN, then LOCATED_IN). */
  country(id: string): EntityRecord | null | Promise<EntityRecord | null> {
    const country = this.listed.get(id)?.country;
    return country === undefined ? this.countryLoader.load(id) : country;
  }

  participants(id: string): EntityRecord[] | Promise<EntityRecord[]> {
    return this.listed.get(id)?.participants ?? this.lists.load('participants', id);
  }

  topics(id: string): Promise<EntityRecord[]> {
    return this.lists.load('topics', id);
  }

  /** The series (organizations) the summit is PART_OF, by name; bilateral summits have none. */
  series(id: string): Promise<EntityRecord[]> {
    return this.lists.load('series', id);
  }

  /** Articles mentioning the summit or quoting someone about it, newest first. */
  articles(id: string): Promise<ArticleRecord[]> {
    return this.articlesLoader.load(id);
  }

  /** One page of the quotes about the summit, newest article first (QuoteOptions: what else to bring). */
  quotes(id: string, page: PageArgs, options: QuoteOptions): Promise<Page<QuoteRecord>> {
    return this.quotesLoader.load({ id, args: { page, ...options } });
  }

  /**
   * One page of the summits matching `filter`, newest first. The same query returns each summit's
   * participants and country, which `participants` and `country` of the listed summits then answer
   * without a further round trip, and synchronously: kept in a map rather than primed into their
   * loaders, which would make a resolved promise for each of them (the first list to bring a
   * summit is kept, as DataLoader's prime keeps the first value).
   */
  async list(filter: SummitFilter, page: PageArgs): Promise<Page<EntityRecord>> {
    const [row] = await this.db.read('summits.list', merged(filter, pageParams(page)));
    const result = pageFrom(row, page, (item) => this.entities.adopt(item));
    // participants and countries are in the order the query read the items.
    const items = page.backward ? [...result.items].reverse() : result.items;
    const participants = listOf(row, 'participants');
    const countries = listOf(row, 'countries');
    items.forEach((summit, i) => {
      if (this.listed.has(summit.id)) return;
      const people = participants[i];
      this.listed.set(summit.id, {
        participants: Array.isArray(people) ? this.entities.adoptAll(people) : null,
        country: i < countries.length ? this.entities.adoptOrNull(countries[i]) : undefined,
      });
    });
    return result;
  }
}

interface QuotesArgs extends QuoteOptions {
  readonly page: PageArgs;
}
