import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { idLoader, pageLoader, type ArgsKey } from './batch.js';
import { entityListLoader, entityLoader, type Entities } from './entities.js';
import { prefixQuery } from './lucene.js';
import { pageParams, type PageArgs } from './params.js';
import type { Quotes } from './quotes.js';
import {
  listOf,
  pageFrom,
  toArticle,
  type ArticleBody,
  type ArticleRecord,
  type EntityRecord,
  type Page,
  type QuoteRecord,
} from './records.js';

const EMPTY_BODY: ArticleBody = { text: null, sentences: [] };

/**
 * Articles for one request. Lists carry articles without their text; `body` fetches text and
 * sentences only for the articles whose `text`, `sentences` or evidence text is asked for. Lists do
 * not prime the by-id loader: its callers (relation sources, evidence) would then skip a query or not
 * depending on which of the request's queries answered first, and a request's round trips must
 * follow from its shape alone.
 */
export class Articles {
  private readonly byId: DataLoader<string, ArticleRecord | null>;
  private readonly bodies: DataLoader<string, ArticleBody>;
  private readonly outlets: DataLoader<string, EntityRecord | null>;
  private readonly authorsLoader: DataLoader<string, EntityRecord[]>;
  private readonly entitiesLoader: DataLoader<string, EntityRecord[]>;
  private readonly quotesLoader: DataLoader<string, QuoteRecord[]>;
  private readonly mentionsLoader: DataLoader<ArgsKey<PageArgs>, Page<ArticleRecord>, string>;

  constructor(
    private readonly db: Db,
    entities: Entities,
    quotes: Quotes,
  ) {
    this.byId = idLoader(
      (ids) => db.read('articles.by-ids', { ids }),
      (row) => toArticle(row.item),
      () => null,
      'articles.by-ids',
    );
    this.bodies = idLoader(
      (ids) => db.read('articles.bodies', { ids }),
      (row) => ({
        text: typeof row.text === 'string' ? row.text : null,
        sentences: listOf(row, 'sentences').map(String),
      }),
      () => EMPTY_BODY,
      'articles.bodies',
    );
    this.outlets = entityLoader(db, 'articles.outlets', entities);
    this.authorsLoader = entityListLoader(db, 'articles.authors', entities);
    this.entitiesLoader = entityListLoader(db, 'articles.entities', entities);
    this.quotesLoader = idLoader(
      (ids) => db.read('articles.quotes', { ids }),
      (row) => listOf(row, 'items').map((item) => quotes.adopt(item)),
      () => [],
      'articles.quotes',
    );
    this.mentionsLoader = pageLoader(
      (ids, page: PageArgs) => db.read('entities.mentions', { ids, ...pageParams(page) }),
      (page) => page,
      toArticle,
      'entities.mentions',
    );
  }

  /** The article with this id (without text), or null. */
  get(id: string): Promise<ArticleRecord | null> {
    return this.byId.load(id);
  }

  /** Stored text and sentences; both empty when the article or its text is not stored. */
  body(id: string): Promise<ArticleBody> {
    return this.bodies.load(id);
  }

  outlet(id: string): Promise<EntityRecord | null> {
    return this.outlets.load(id);
  }

  authors(id: string): Promise<EntityRecord[]> {
    return this.authorsLoader.load(id);
  }

  /** Entities the article mentions, by kind then name. */
  entitiesOf(id: string): Promise<EntityRecord[]> {
    return this.entitiesLoader.load(id);
  }

  /** Quotes the article reports, in article order. */
  quotesOf(id: string): Promise<QuoteRecord[]> {
    return this.quotesLoader.load(id);
  }

  /** One page of the articles mentioning an entity, newest first. */
  mentioning(entityId: string, page: PageArgs): Promise<Page<ArticleRecord>> {
    return this.mentionsLoader.load({ id: entityId, args: page });
  }

  /**
   * One page of all articles, newest first; with `titleWords` (see lucene.ts; null = no filter),
   * only those whose title matches every word.
   */
  async list(titleWords: readonly string[] | null, page: PageArgs): Promise<Page<ArticleRecord>> {
    const [row] =
      titleWords === null
        ? await this.db.read('articles.list', pageParams(page))
        : await this.db.read('articles.search', { lucene: prefixQuery(titleWords), ...pageParams(page) });
    return pageFrom(row, page, toArticle);
  }
}
