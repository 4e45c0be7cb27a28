import type { SearchHitRecord } from '../../data/search.js';
import type { TimelineEventRecord } from '../../data/graph.js';
import type { Resolver, ResolverMap } from './types.js';

/** Result types of search and the graph queries; the rest of their fields are plain properties. */
export const graphResolvers: ResolverMap = {
  SearchHit: {
    quote: ((h, _a, ctx) => (h.quoteId === null ? null : ctx.loaders.quotes.get(h.quoteId))) satisfies Resolver<SearchHitRecord>,
  },
  TimelineEvent: {
    quote: ((ev, _a, ctx) =>
      ev.quoteId === null ? null : ctx.loaders.quotes.get(ev.quoteId)) satisfies Resolver<TimelineEventRecord>,
  },
};
