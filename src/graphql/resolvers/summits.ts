import type { EntityRecord } from '../../data/records.js';
import { pageArgs, toConnection } from '../cursor.js';
import { quoteOptions } from '../selection.js';
import { textProp } from './entities.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';

type S<A = Record<string, never>> = Resolver<EntityRecord, A>;

export const summitResolvers: ResolverMap = {
  Summit: {
    date: ((s) => textProp(s, 'date')) satisfies S,
    endDate: ((s) => textProp(s, 'endDate')) satisfies S,
    source: ((s) => textProp(s, 'source')) satisfies S,
    // The stored hostCountry is an id (the seed loader checks it names a COUNTRY).
    hostCountry: ((s, _a, ctx) => {
      const id = textProp(s, 'hostCountry');
      return id === null ? null : ctx.loaders.entities.get(id);
    }) satisfies S,
    series: ((s, _a, ctx) => ctx.loaders.summits.series(s.id).then((orgs) => orgs[0] ?? null)) satisfies S,
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
