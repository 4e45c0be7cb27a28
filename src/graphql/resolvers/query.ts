import { searchWords } from '../../data/lucene.js';
import type { EntityKind } from '../../data/records.js';
import type { PersonList } from '../../data/people.js';
import { badInput } from '../../errors.js';
import { lookUpAhead } from '../lookahead.js';
import { quoteOptions } from '../selection.js';
import { checkId, checkOptionalId, intInRange, optionalText } from '../args.js';
import { MAX_PAGE_SIZE, pageArgs, toConnection } from '../cursor.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';

type Q<A> = Resolver<unknown, A>;

interface SummitWhere {
  participant?: string | null;
  country?: string | null;
  from?: string | null;
  to?: string | null;
}

interface PersonWhere {
  name?: string | null;
  affiliation?: string | null;
}

/** The leaders and analysts fields differ only in the list they read. */
function personList(which: PersonList): Q<PageInput & { where?: PersonWhere | null }> {
  return (_root, { where, ...paging }, ctx) => {
    const page = pageArgs('person', paging);
    const filter = {
      name: optionalText('where.name', where?.name)?.toLowerCase() ?? null,
      affiliation: checkOptionalId('where.affiliation', where?.affiliation),
    };
    return ctx.loaders.people.list(which, filter, page).then(toConnection('person'));
  };
}

/**
 * Top-level fields. Each checks its arguments (BAD_USER_INPUT names the argument and value) and
 * makes one call into the data layer; limits are documented on the fields in schema/query.graphql.
 */
export const queryResolvers: ResolverMap = {
  Query: {
    // Both start the loads of the fields asked of the id's type alongside the lookup (lookahead.ts).
    node: ((_r, { id }, ctx, info) =>
      lookUpAhead(checkId('id', id), ctx, info, (i) => ctx.loaders.nodes.get(i))) satisfies Q<{ id: string }>,

    entity: ((_r, { id }, ctx, info) =>
      lookUpAhead(checkId('id', id), ctx, info, (i) => ctx.loaders.entities.get(i))) satisfies Q<{ id: string }>,

    search: ((_r, { query, kinds, first }, ctx) => {
      const words = searchWords(query);
      if (words.length === 0) {
        throw badInput(`query must contain at least one letter or digit, got ${JSON.stringify(query)}`, { query });
      }
      if (kinds !== null && kinds !== undefined && kinds.length === 0) {
        throw badInput('kinds must name at least one kind, or be left out to search every kind');
      }
      const limit = intInRange('first', first, 1, MAX_PAGE_SIZE, 10);
      return ctx.loaders.search.entitiesMatching(query, words, kinds ?? null, limit);
    }) satisfies Q<{ query: string; kinds?: EntityKind[] | null; first?: number | null }>,

    summits: ((_r, { where, ...paging }, ctx) => {
      const page = pageArgs('summit', paging);
      const filter = {
        participant: checkOptionalId('where.participant', where?.participant),
        country: checkOptionalId('where.country', where?.country),
        from: where?.from ?? null,
        to: where?.to ?? null,
      };
      // Dates are "YYYY-MM-DD" (the Date scalar checked them), so string order is date order.
      if (filter.from !== null && filter.to !== null && filter.from > filter.to) {
        throw badInput(`where.from (${filter.from}) is after where.to (${filter.to})`, { from: filter.from, to: filter.to });
      }
      return ctx.loaders.summits.list(filter, page).then(toConnection('summit'));
    }) satisfies Q<PageInput & { where?: SummitWhere | null }>,

    leaders: personList('leaders'),

    analysts: personList('analysts'),

    quotes: ((_r, { speaker, about, ...paging }, ctx, info) => {
      const page = pageArgs('quote', paging);
      const filter = { speaker: checkOptionalId('speaker', speaker), about: checkOptionalId('about', about) };
      return ctx.loaders.quotes.list(filter, page, quoteOptions(info)).then(toConnection('quote'));
    }) satisfies Q<PageInput & { speaker?: string | null; about?: string | null }>,

    articles: ((_r, { search, ...paging }, ctx) => {
      const page = pageArgs('article', paging);
      const text = optionalText('search', search);
      const words = text === null ? null : searchWords(text);
      if (words !== null && words.length === 0) {
        throw badInput(`search must contain at least one letter or digit, got ${JSON.stringify(search)}`, { search });
      }
      return ctx.loaders.articles.list(words, page).then(toConnection('article'));
    }) satisfies Q<PageInput & { search?: string | null }>,

    path: ((_r, { from, to, maxHops }, ctx) =>
      ctx.loaders.graph.path(
        checkId('from', from),
        checkId('to', to),
        intInRange('maxHops', maxHops, 1, 6, 4),
      )) satisfies Q<{ from: string; to: string; maxHops?: number | null }>,

    neighborhood: ((_r, { id, hops, limit }, ctx) =>
      ctx.loaders.graph.neighborhood(
        checkId('id', id),
        intInRange('hops', hops, 1, 3, 1),
        intInRange('limit', limit, 1, 500, 100),
      )) satisfies Q<{ id: string; hops?: number | null; limit?: number | null }>,

    timeline: ((_r, { id, first }, ctx) =>
      ctx.loaders.graph.timeline(checkId('id', id), intInRange('first', first, 1, 500, 50))) satisfies Q<{
      id: string;
      first?: number | null;
    }>,

    stats: ((_r, _a, ctx) => ctx.loaders.graph.stats()) satisfies Q<Record<string, never>>,
  },
};
