import { searchWords } from '../../data/lucene.js';
import { KIND_LABELS, type EntityKind } from '../../data/records.js';
import { QUOTE_LINK, type GraphFilter } from '../../data/graph.js';
import { RELATIONS } from '../../seed/model.js';
import type { GraphQLContext } from '../context.js';
import type { PersonList } from '../../data/people.js';
import { badInput } from '../../errors.js';
import { lookUpAhead } from '../lookahead.js';
import { quoteOptions } from '../selection.js';
import { checkId, intInRange, optionalText } from '../args.js';
import { MAX_PAGE_SIZE, pageArgs, toConnection } from '../cursor.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';

type Q<A> = Resolver<unknown, A>;

interface SummitWhere {
  participant?: string | null;
  country?: string | null;
  from?: string | null;
  to?: string | null;
}

type RelationshipType = string;

interface GraphFilterInput {
  relationshipTypes?: RelationshipType[] | null;
  excludeRelationshipTypes?: RelationshipType[] | null;
  kinds?: EntityKind[] | null;
  excludeIds?: string[] | null;
  throughQuotes?: boolean | null;
}

/** At most this many excluded ids. */
const MAX_EXCLUDED = 100;

/**
 * A GraphFilter argument as the data layer takes it: the relationship types followed (null: all),
 * SAID_ABOUT in either list deciding `quotes` along with throughQuotes; kinds as labels; excluded
 * ids resolved (names accepted). Following nothing at all is BAD_USER_INPUT.
 */
async function graphFilter(ctx: GraphQLContext, input: GraphFilterInput | null | undefined, maxDegree: number | null): Promise<GraphFilter> {
  const only = input?.relationshipTypes ?? null;
  const never = new Set(input?.excludeRelationshipTypes ?? []);
  if (only !== null && only.length === 0) throw badInput('filter.relationshipTypes must name at least one type, or be left out');
  const quotes = (input?.throughQuotes === true || only?.includes(QUOTE_LINK) === true) && !never.has(QUOTE_LINK);
  const entityTypes = (only ?? null)?.filter((t) => t !== QUOTE_LINK) ?? null;
  let types: string[] | null = entityTypes === null ? (never.size === 0 ? null : Object.keys(RELATIONS)) : entityTypes;
  if (types !== null) types = types.filter((t) => !never.has(t));
  if (types !== null && types.length === 0 && !quotes) throw badInput('filter leaves no relationship type to follow');
  const kinds = input?.kinds ?? null;
  if (kinds !== null && kinds.length === 0) throw badInput('filter.kinds must name at least one kind, or be left out');
  const excludeIds = input?.excludeIds ?? [];
  if (excludeIds.length > MAX_EXCLUDED) throw badInput(`filter.excludeIds takes at most ${MAX_EXCLUDED} ids`);
  const exclude = await Promise.all(excludeIds.map((id) => ctx.loaders.names.resolve('filter.excludeIds', id)));
  return { types, labels: kinds === null ? null : kinds.map((k) => KIND_LABELS[k]), exclude, maxDegree, quotes };
}

type PersonRole = 'LEADER' | 'ANALYST' | 'OFFICIAL' | 'JOURNALIST';

interface QuoteWhere {
  speaker?: string | null;
  about?: string | null;
  summit?: string | null;
  speakerRole?: PersonRole[] | null;
}

/** The Neo4j label of a PersonRole (LEADER -> Leader). */
function roleLabel(role: PersonRole): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}

interface PersonWhere {
  name?: string | null;
  affiliation?: string | null;
}

/** The leaders and analysts fields differ only in the list they read. */
function personList(which: PersonList): Q<PageInput & { where?: PersonWhere | null }> {
  return (_root, { where, ...paging }, ctx) => {
    const page = pageArgs('person', paging);
    const name = optionalText('where.name', where?.name)?.toLowerCase() ?? null;
    return ctx.loaders.names
      .resolveOptional('where.affiliation', where?.affiliation, ['ORGANIZATION', 'COUNTRY'])
      .then((affiliation) => ctx.loaders.people.list(which, { name, affiliation }, page))
      .then(toConnection('person'));
  };
}

/**
 * Top-level fields. Each checks its arguments (BAD_USER_INPUT names the argument and value) and
 * makes one call into the data layer; limits are documented on the fields in schema/query.graphql.
 * Arguments that name an entity take an id or a name (ctx.loaders.names, src/data/names.ts: an
 * ambiguous name is AMBIGUOUS_NAME with the candidates, an unknown one NOT_FOUND); `node` and
 * `entity` take ids only (the id's prefix drives their look-ahead).
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

    summits: (async (_r, { where, ...paging }, ctx) => {
      const page = pageArgs('summit', paging);
      const from = where?.from ?? null;
      const to = where?.to ?? null;
      // Dates are "YYYY-MM-DD" (the Date scalar checked them), so string order is date order.
      if (from !== null && to !== null && from > to) {
        throw badInput(`where.from (${from}) is after where.to (${to})`, { from, to });
      }
      const [participant, country] = await Promise.all([
        ctx.loaders.names.resolveOptional('where.participant', where?.participant, ['PERSON']),
        ctx.loaders.names.resolveOptional('where.country', where?.country, ['COUNTRY']),
      ]);
      return ctx.loaders.summits.list({ participant, country, from, to }, page).then(toConnection('summit'));
    }) satisfies Q<PageInput & { where?: SummitWhere | null }>,

    leaders: personList('leaders'),

    analysts: personList('analysts'),

    quotes: (async (_r, { speaker, about, ...paging }, ctx, info) => {
      const page = pageArgs('quote', paging);
      const [speakerId, aboutId] = await Promise.all([
        ctx.loaders.names.resolveOptional('speaker', speaker, ['PERSON']),
        ctx.loaders.names.resolveOptional('about', about),
      ]);
      return ctx.loaders.quotes.list({ speaker: speakerId, about: aboutId, summit: null, roles: null }, page, quoteOptions(info)).then(toConnection('quote'));
    }) satisfies Q<PageInput & { speaker?: string | null; about?: string | null }>,

    quotesWhere: (async (_r, { where, ...paging }, ctx, info) => {
      const page = pageArgs('quote', paging);
      const roles = where?.speakerRole ?? null;
      if (roles !== null && roles.length === 0) throw badInput('where.speakerRole must name at least one role, or be left out');
      const [speaker, about, summit] = await Promise.all([
        ctx.loaders.names.resolveOptional('where.speaker', where?.speaker, ['PERSON']),
        ctx.loaders.names.resolveOptional('where.about', where?.about),
        ctx.loaders.names.resolveOptional('where.summit', where?.summit, ['SUMMIT']),
      ]);
      const filter = { speaker, about, summit, roles: roles === null ? null : roles.map(roleLabel) };
      return ctx.loaders.quotes.list(filter, page, quoteOptions(info)).then(toConnection('quote'));
    }) satisfies Q<PageInput & { where?: QuoteWhere | null }>,

    articles: ((_r, { search, ...paging }, ctx) => {
      const page = pageArgs('article', paging);
      const text = optionalText('search', search);
      const words = text === null ? null : searchWords(text);
      if (words !== null && words.length === 0) {
        throw badInput(`search must contain at least one letter or digit, got ${JSON.stringify(search)}`, { search });
      }
      return ctx.loaders.articles.list(words, page).then(toConnection('article'));
    }) satisfies Q<PageInput & { search?: string | null }>,

    path: (async (_r, { from, to, maxHops }, ctx) => {
      const hops = intInRange('maxHops', maxHops, 1, 6, 4);
      const [a, b] = await Promise.all([ctx.loaders.names.resolve('from', from), ctx.loaders.names.resolve('to', to)]);
      return ctx.loaders.graph.path(a, b, hops);
    }) satisfies Q<{ from: string; to: string; maxHops?: number | null }>,

    paths: (async (_r, { from, to, first, maxHops, filter, maxDegree }, ctx) => {
      const k = intInRange('first', first, 1, 10, 3);
      const hops = intInRange('maxHops', maxHops, 1, 6, 4);
      const degree = maxDegree === null || maxDegree === undefined ? null : intInRange('maxDegree', maxDegree, 1, 100_000, 1);
      const [a, b, f] = await Promise.all([
        ctx.loaders.names.resolve('from', from),
        ctx.loaders.names.resolve('to', to),
        graphFilter(ctx, filter, degree),
      ]);
      return ctx.loaders.graph.paths(a, b, hops, k, f);
    }) satisfies Q<{ from: string; to: string; first?: number | null; maxHops?: number | null; filter?: GraphFilterInput | null; maxDegree?: number | null }>,

    neighborhoodWith: (async (_r, { id, hops, limit, filter, maxDegree }, ctx) => {
      const h = intInRange('hops', hops, 1, 3, 1);
      const l = intInRange('limit', limit, 1, 500, 100);
      const degree = maxDegree === null ? null : intInRange('maxDegree', maxDegree, 1, 100_000, 50);
      const [center, f] = await Promise.all([ctx.loaders.names.resolve('id', id), graphFilter(ctx, filter, degree)]);
      return ctx.loaders.graph.neighborhood(center, h, l, f);
    }) satisfies Q<{ id: string; hops?: number | null; limit?: number | null; filter?: GraphFilterInput | null; maxDegree?: number | null }>,

    neighborhood: (async (_r, { id, hops, limit }, ctx) => {
      const h = intInRange('hops', hops, 1, 3, 1);
      const l = intInRange('limit', limit, 1, 500, 100);
      return ctx.loaders.graph.neighborhood(await ctx.loaders.names.resolve('id', id), h, l);
    }) satisfies Q<{ id: string; hops?: number | null; limit?: number | null }>,

    timeline: (async (_r, { id, first }, ctx) => {
      const n = intInRange('first', first, 1, 500, 50);
      return ctx.loaders.graph.timeline(await ctx.loaders.names.resolve('id', id), n);
    }) satisfies Q<{
      id: string;
      first?: number | null;
    }>,

    stats: ((_r, _a, ctx) => ctx.loaders.graph.stats()) satisfies Q<Record<string, never>>,
  },
};
