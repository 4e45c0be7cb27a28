import type { BenchQueryName } from './queries.js';
import { prefixQuery, searchWords } from '../src/data/lucene.js';
import { QUOTE_WEIGHT } from '../src/data/search.js';
import { PATH_HOPS, type CorpusFacts } from './corpus.js';

/**
 * The dashboard mix: each operation once per implementation, plus a normalizer per implementation
 * that turns its answer into one comparable shape (lists in a fixed order where the API's order is
 * not the point). The check before timing requires the three normalized answers to be equal.
 *
 * Where @neo4j/graphql cannot say what our API says, the closest thing a library user would write:
 * - summitQuotes: the library cannot sort by a related node's field (the article's date). The corpus
 *   numbers articles newest first, so sorting by the Quote's `articleId` gives the same page.
 * - path: no path traversal in the library, so a `@cypher` query field (typeDefs.graphql).
 * - neighborhood: the library has no "any relationship" traversal; the one-hop neighbours of a
 *   leader are its relationship fields, fetched (sorted by name, at most limit - 1 each) and merged.
 * - search: `@fulltext` on Person over the same index and the same Lucene string; compared as sets
 *   (our API adds an exact-match bonus to the score, so scores differ).
 * - path answers are compared by length and ends: shortest paths are not unique.
 */

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Operation {
  name: string;
  ours: GraphQLRequest;
  library: GraphQLRequest;
  raw: { query: BenchQueryName; params: Record<string, unknown> };
  /** Normalizers take `data` of a GraphQL response, or the rows of the raw query. */
  normalizeOurs(data: any): unknown;
  normalizeLibrary(data: any): unknown;
  normalizeRaw(rows: any[]): unknown;
}

/**
 * The HTTP floor: a GraphQL request that runs no Cypher (`{ __typename }`), timed on our server and
 * the library's at the operations' concurrency. Its CPU per request is what HTTP (server and load
 * generator) and GraphQL cost before any data: no GraphQL server over HTTP can serve the mix with
 * less CPU than the raw floor's plus this (bench/report.ts prints that ceiling).
 */
export const HTTP_FLOOR_OP = 'httpFloor';
export const HTTP_FLOOR: GraphQLRequest = { query: '{ __typename }', variables: {} };

type Named = { id: string; name: string };
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const named = (x: Named): Named => ({ id: x.id, name: x.name });
const namedSet = (xs: Named[]): Named[] => xs.map(named).sort(byId);

/** Page size of the list operations, and the neighborhood limit. */
const PAGE = 20;
const NEIGHBORHOOD_LIMIT = 50;
const MAX_HOPS = PATH_HOPS;

export function operations(f: CorpusFacts): Operation[] {
  const lucene = prefixQuery(searchWords(f.searchTerm));
  return [
    {
      name: 'summitList',
      ours: {
        query: `query { summits(first: ${PAGE}) { totalCount edges { node { id name date participants { id name } country { id name } } } } }`,
        variables: {},
      },
      library: {
        query: `query { summitsConnection(first: ${PAGE}, sort: [{ date: DESC }, { id: ASC }]) { totalCount edges { node { id name date participants { id name } heldIn { country { id name } } } } } }`,
        variables: {},
      },
      raw: { query: 'bench.summit-list', params: { limit: PAGE } },
      normalizeOurs: (d) => ({
        total: d.summits.totalCount,
        items: d.summits.edges.map(({ node: s }: any) => ({
          id: s.id, name: s.name, date: s.date, participants: namedSet(s.participants), country: s.country ? named(s.country) : null,
        })),
      }),
      normalizeLibrary: (d) => ({
        total: d.summitsConnection.totalCount,
        items: d.summitsConnection.edges.map(({ node: s }: any) => ({
          id: s.id, name: s.name, date: s.date, participants: namedSet(s.participants),
          country: s.heldIn[0]?.country[0] ? named(s.heldIn[0].country[0]) : null,
        })),
      }),
      normalizeRaw: ([r]) => ({
        total: r.total,
        items: r.items.map((s: any) => ({
          id: s.id, name: s.name, date: s.date, participants: namedSet(s.participants), country: s.country ? named(s.country) : null,
        })),
      }),
    },
    {
      name: 'leaderSummits',
      ours: {
        query: 'query($id: ID!) { node(id: $id) { ... on Person { id name summits { id name date } metWith { id name } } } }',
        variables: { id: f.leader },
      },
      library: {
        query: 'query($id: ID!) { people(where: { id: { eq: $id } }) { id name attended { id name date participants { id name } } met { id name } metBy { id name } } }',
        variables: { id: f.leader },
      },
      raw: { query: 'bench.leader-summits', params: { id: f.leader } },
      normalizeOurs: (d) => leaderShape(d.node.id, d.node.name, d.node.summits, d.node.metWith),
      normalizeLibrary: (d) => {
        const p = d.people[0];
        const met = new Map<string, Named>();
        for (const s of p.attended) for (const o of s.participants) met.set(o.id, o);
        for (const o of [...p.met, ...p.metBy]) met.set(o.id, o);
        met.delete(p.id);
        return leaderShape(p.id, p.name, p.attended, [...met.values()]);
      },
      normalizeRaw: ([r]) => leaderShape(r.id, r.name, r.summits, r.metWith),
    },
    {
      name: 'summitQuotes',
      ours: {
        query: `query($id: ID!) { node(id: $id) { ... on Summit { quotes(first: ${PAGE}) { totalCount edges { node { id text speaker { id name affiliations { id name } } } } } } } }`,
        variables: { id: f.busySummit },
      },
      library: {
        query: `query($id: ID!) { summits(where: { id: { eq: $id } }) { quotesConnection(first: ${PAGE}, sort: [{ node: { articleId: ASC } }, { node: { sentence: ASC } }, { node: { id: ASC } }]) { totalCount edges { node { id text speaker { id name affiliations { id name } } } } } } }`,
        variables: { id: f.busySummit },
      },
      raw: { query: 'bench.summit-quotes', params: { id: f.busySummit, limit: PAGE } },
      normalizeOurs: (d) => quotesShape(d.node.quotes.totalCount, d.node.quotes.edges.map((e: any) => e.node)),
      normalizeLibrary: (d) => {
        const c = d.summits[0].quotesConnection;
        return quotesShape(c.totalCount, c.edges.map((e: any) => ({ ...e.node, speaker: e.node.speaker[0] })));
      },
      normalizeRaw: ([r]) => quotesShape(r.total, r.quotes),
    },
    {
      name: 'search',
      ours: {
        query: 'query($q: String!) { search(query: $q, kinds: [PERSON], first: 10) { score entity { id name } } }',
        variables: { q: f.searchTerm },
      },
      library: {
        query: 'query($phrase: String!) { peopleByName(phrase: $phrase, first: 10, sort: [{ score: DESC }]) { edges { score node { id name } } } }',
        variables: { phrase: lucene },
      },
      raw: { query: 'bench.search', params: { lucene, quoteWeight: QUOTE_WEIGHT, first: 10 } },
      normalizeOurs: (d) => namedSet(d.search.map((h: any) => h.entity)),
      normalizeLibrary: (d) => namedSet(d.peopleByName.edges.map((e: any) => e.node)),
      normalizeRaw: (rows) => namedSet(rows),
    },
    {
      name: 'path',
      ours: {
        query: `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: ${MAX_HOPS}) { length steps { entity { id name } relation } } }`,
        variables: { from: f.pathFrom, to: f.pathTo },
      },
      library: {
        query: `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: ${MAX_HOPS}) { id name relation } }`,
        variables: { from: f.pathFrom, to: f.pathTo },
      },
      raw: { query: 'bench.path', params: { from: f.pathFrom, to: f.pathTo } },
      normalizeOurs: (d) => pathShape(d.path === null ? [] : d.path.steps.map((s: any) => s.entity)),
      normalizeLibrary: (d) => pathShape(d.shortestPath),
      normalizeRaw: (rows) => pathShape(rows[0]?.nodes ?? []),
    },
    {
      name: 'neighborhood',
      ours: {
        query: `query($id: ID!) { neighborhood(id: $id, hops: 1, limit: ${NEIGHBORHOOD_LIMIT}) { nodes { id name } edges { from to type } } }`,
        variables: { id: f.busyLeader },
      },
      library: {
        query: `query($id: ID!) { people(where: { id: { eq: $id } }) { id name leads(sort: [{ name: ASC }, { id: ASC }], limit: ${NEIGHBORHOOD_LIMIT - 1}) { id name } attended(sort: [{ name: ASC }, { id: ASC }], limit: ${NEIGHBORHOOD_LIMIT - 1}) { id name } met(sort: [{ name: ASC }, { id: ASC }], limit: ${NEIGHBORHOOD_LIMIT - 1}) { id name } metBy(sort: [{ name: ASC }, { id: ASC }], limit: ${NEIGHBORHOOD_LIMIT - 1}) { id name } affiliations(sort: [{ name: ASC }, { id: ASC }], limit: ${NEIGHBORHOOD_LIMIT - 1}) { id name } } }`,
        variables: { id: f.busyLeader },
      },
      raw: { query: 'bench.neighborhood', params: { id: f.busyLeader, around: NEIGHBORHOOD_LIMIT - 1 } },
      normalizeOurs: (d) => ({ nodes: namedSet(d.neighborhood.nodes), edges: edgeSet(d.neighborhood.edges) }),
      normalizeLibrary: (d) => {
        const p = d.people[0];
        const rels: [string, Named[], boolean][] = [
          ['LEADS', p.leads, true], ['ATTENDED', p.attended, true], ['MET', p.met, true], ['MET', p.metBy, false], ['AFFILIATED_WITH', p.affiliations, true],
        ];
        const around = new Map<string, Named>();
        for (const [, list] of rels) for (const n of list) around.set(n.id, n);
        const kept = [...around.values()]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b)))
          .slice(0, NEIGHBORHOOD_LIMIT - 1);
        const keptIds = new Set(kept.map((n) => n.id));
        const edges = rels.flatMap(([type, list, out]) =>
          list.filter((n) => keptIds.has(n.id)).map((n) => (out ? { from: p.id, to: n.id, type } : { from: n.id, to: p.id, type })),
        );
        return { nodes: namedSet([named(p), ...kept]), edges: edgeSet(edges) };
      },
      normalizeRaw: ([r]) => ({ nodes: namedSet(r.nodes), edges: edgeSet(r.edges) }),
    },
  ];
}

function leaderShape(id: string, name: string, summits: any[], metWith: Named[]): unknown {
  return {
    id,
    name,
    summits: summits
      .map((s) => ({ id: s.id, name: s.name, date: s.date }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b))),
    metWith: namedSet(metWith),
  };
}

function quotesShape(total: number, quotes: any[]): unknown {
  return {
    total,
    quotes: quotes
      .map((q) => ({ id: q.id, text: q.text, speaker: { ...named(q.speaker), affiliations: namedSet(q.speaker.affiliations) } }))
      .sort(byId),
  };
}

function pathShape(nodes: Named[]): unknown {
  return { length: Math.max(0, nodes.length - 1), from: nodes[0]?.id ?? null, to: nodes[nodes.length - 1]?.id ?? null };
}

function edgeSet(edges: { from: string; to: string; type: string }[]): string[] {
  return edges.map((e) => `${e.from} -${e.type}-> ${e.to}`).sort();
}
