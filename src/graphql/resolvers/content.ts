import type { ArticleRecord, QuoteRecord } from '../../data/records.js';
import type { Resolver, ResolverMap } from './types.js';

type Q = Resolver<QuoteRecord>;
type A = Resolver<ArticleRecord>;

/**
 * Quote and Article. Quote.speaker is the record's own (every quote query brings it); Quote.article
 * is the record's own field when the quote's query brought it (a quote list brings it when its
 * selection asks for it: QuoteOptions), else looked up by id.
 * Quote.speaker and Quote.article are non-null in the contract; a quote without
 * SAID or FROM breaks the model (the seed loader always writes both), so it surfaces as a masked
 * error on that field rather than as invented data.
 */
export const contentResolvers: ResolverMap = {
  Quote: {
    // The speaker the quote's query brought (with its organizations when that query brought them).
    speaker: ((q) => q.speaker) satisfies Q,
    about: ((q, _a, ctx) => ctx.loaders.quotes.about(q.id)) satisfies Q,
    article: ((q, _a, ctx) => q.article ?? (q.articleId === null ? null : ctx.loaders.articles.get(q.articleId))) satisfies Q,
  },
  Article: {
    outlet: ((a, _a, ctx) => ctx.loaders.articles.outlet(a.id)) satisfies A,
    authors: ((a, _a, ctx) => ctx.loaders.articles.authors(a.id)) satisfies A,
    entities: ((a, _a, ctx) => ctx.loaders.articles.entitiesOf(a.id)) satisfies A,
    quotes: ((a, _a, ctx) => ctx.loaders.articles.quotesOf(a.id)) satisfies A,
    text: ((a, _a, ctx) => ctx.loaders.articles.body(a.id).then((b) => b.text)) satisfies A,
    sentences: ((a, _a, ctx) => ctx.loaders.articles.body(a.id).then((b) => b.sentences)) satisfies A,
  },
};
