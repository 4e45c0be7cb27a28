import type { Articles } from './articles.js';
import type { Entities } from './entities.js';
import type { Quotes } from './quotes.js';
import { typeNameOfId, type ArticleRecord, type EntityRecord, type QuoteRecord } from './records.js';

export type NodeRecord = EntityRecord | ArticleRecord | QuoteRecord;

/**
 * Any node by id. The id's prefix says which loader holds it (README.md, Graph model: every id is `kind:slug`,
 * articles are `article:`, quotes `quote:`, everything else an Entity), so a lookup is one batched
 * query on one unique index rather than a label-less scan.
 */
export class Nodes {
  constructor(
    private readonly entities: Entities,
    private readonly articles: Articles,
    private readonly quotes: Quotes,
  ) {}

  get(id: string): Promise<NodeRecord | null> {
    const type = typeNameOfId(id);
    if (type === 'Article') return this.articles.get(id);
    if (type === 'Quote') return this.quotes.get(id);
    return this.entities.get(id);
  }
}
