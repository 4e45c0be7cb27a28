import type { SearchHitRecord } from '../../data/search.js';
import type { HubRecord, PathStepRecord, SubgraphRecord, TimelineEventRecord } from '../../data/graph.js';
import type { Resolver, ResolverMap } from './types.js';

/** Result types of search and the graph queries; the rest of their fields are plain properties. */
export const graphResolvers: ResolverMap = {
  SearchHit: {
    quote: ((h, _a, ctx) => (h.quoteId === null ? null : ctx.loaders.quotes.get(h.quoteId))) satisfies Resolver<SearchHitRecord>,
  },
  PathStep: {
    relationType: ((s) => s.relation) satisfies Resolver<PathStepRecord>,
    quote: ((s, _a, ctx) => (s.quoteId === null ? null : ctx.loaders.quotes.get(s.quoteId))) satisfies Resolver<PathStepRecord>,
  },
  GraphEdge: {
    relationType: ((e) => e.type) satisfies Resolver<SubgraphRecord['edges'][number]>,
    quote: ((e, _a, ctx) => (e.quoteId === null ? null : ctx.loaders.quotes.get(e.quoteId))) satisfies Resolver<SubgraphRecord['edges'][number]>,
  },
  Hub: {
    // The hub is one of the subgraph's nodes, which the same query brought (Entities.adopt): no round trip.
    entity: ((h, _a, ctx) => ctx.loaders.entities.get(h.id)) satisfies Resolver<HubRecord>,
  },
  HubGroup: {
    relationType: ((g) => g.type) satisfies Resolver<HubRecord['groups'][number]>,
  },
  TimelineEvent: {
    eventKind: ((ev) => ev.kind) satisfies Resolver<TimelineEventRecord>,
    quote: ((ev, _a, ctx) =>
      ev.quoteId === null ? null : ctx.loaders.quotes.get(ev.quoteId)) satisfies Resolver<TimelineEventRecord>,
  },
};
