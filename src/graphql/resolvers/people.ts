import type { EntityRecord } from '../../data/records.js';
import { intInRange } from '../args.js';
import { pageArgs, toConnection } from '../cursor.js';
import { quoteOptions } from '../selection.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';

/** The person category labels (README.md, Graph model); other labels (Entity, Person) are structural. */
const CATEGORIES: ReadonlySet<string> = new Set(['Analyst', 'Journalist', 'Leader', 'Official']);

type P<A = Record<string, never>> = Resolver<EntityRecord, A>;

export const personResolvers: ResolverMap = {
  Person: {
    roles: ((p, _a, ctx) => ctx.loaders.people.roles(p.id)) satisfies P,
    isLeader: ((p) => p.labels.includes('Leader')) satisfies P,
    isAnalyst: ((p) => p.labels.includes('Analyst')) satisfies P,
    labels: ((p) => p.labels.filter((l) => CATEGORIES.has(l)).sort()) satisfies P,
    leaderOf: ((p, _a, ctx) => ctx.loaders.people.leaderOf(p.id)) satisfies P,
    affiliations: ((p, _a, ctx) => p.preloaded?.affiliations ?? ctx.loaders.people.affiliations(p.id)) satisfies P,
    summits: ((p, _a, ctx) => ctx.loaders.people.summits(p.id)) satisfies P,
    metWith: ((p, _a, ctx) => ctx.loaders.people.metWith(p.id)) satisfies P,
    meetings: ((p, { with: other, first }, ctx) => {
      const n = intInRange('first', first, 1, 500, 100);
      return ctx.loaders.names.resolveOptional('with', other, ['PERSON']).then((withId) => ctx.loaders.people.meetings(p.id, withId, n));
    }) satisfies P<{ with?: string | null; first?: number | null }>,
    quotes: ((p, { about, ...paging }, ctx, info) => {
      const page = pageArgs('quote', paging);
      return ctx.loaders.names
        .resolveOptional('about', about)
        .then((aboutId) => ctx.loaders.people.quotes(p.id, aboutId, page, quoteOptions(info)))
        .then(toConnection('quote'));
    }) satisfies P<PageInput & { about?: string | null }>,
  },
};
