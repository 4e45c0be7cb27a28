import type { EntityRecord } from '../../data/records.js';
import { pageArgs, toConnection } from '../cursor.js';
import { quoteOptions } from '../selection.js';
import { textProp } from './entities.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';

type S<A = Record<string, never>> = Resolver<EntityRecord, A>;

export const summitResolvers: ResolverMap = {
  Summit: {
    date: ((s) => textProp(s, 'date')) satisfies S,
    outcome: ((s) => textProp(s, 'outcome')) satisfies S,
    place: ((s, _a, ctx) => ctx.loaders.summits.place(s.id)) satisfies S,
    country: ((s, _a, ctx) => ctx.loaders.summits.country(s.id)) satisfies S,
    participants: ((s, _a, ctx) => ctx.loaders.summits.participants(s.id)) satisfies S,
    topics: ((s, _a, ctx) => ctx.loaders.summits.topics(s.id)) satisfies S,
    quotes: ((s, paging, ctx, info) =>
      ctx.loaders.summits.quotes(s.id, pageArgs('quote', paging), quoteOptions(info)).then(toConnection('quote'))) satisfies S<PageInput>,
    articles: ((s, _a, ctx) => ctx.loaders.summits.articles(s.id)) satisfies S,
  },
};
