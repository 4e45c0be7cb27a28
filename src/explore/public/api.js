// The explorer's only way to the data: the public GraphQL API (POST /graphql), as any client uses it.

/** An error the API answered with (its message and `extensions.code`), or a failed request. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Runs one query; resolves to `data`, rejects with an ApiError carrying the first error's code. */
export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The API answered ${res.status} without JSON`, 'HTTP_ERROR');
  }
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code);
  if (!res.ok) throw new ApiError(`The API answered ${res.status}`, 'HTTP_ERROR');
  return body.data;
}

const ENTITY = 'id kind name';

/** Entities whose name, alias or quotes match `text`, best first. */
export async function search(text, first = 10) {
  const data = await gql(`query ExploreSearch($q: String!, $first: Int) { search(query: $q, first: $first) { score entity { ${ENTITY} } } }`, { q: text, first });
  return data.search.map((h) => h.entity);
}

function edgeOf(e) {
  return { from: e.from, to: e.to, type: e.type, quoteId: e.quote?.id ?? null };
}

/**
 * An entity's one-hop neighbourhood: `{ nodes, edges, truncated, hubs }`, the center first. Links
 * through quotes are included (SAID_ABOUT edges carry their quote's id), `filter` (a GraphFilter)
 * applies, and the center's groups of more than `maxDegree` neighbours come back counted in `hubs`
 * rather than listed.
 */
export async function neighborhood(id, { limit, filter = {}, maxDegree = null }) {
  const data = await gql(
      `query ExploreNeighborhood($id: ID!, $limit: Int, $filter: GraphFilter, $maxDegree: Int) {
        neighborhoodWith(id: $id, hops: 1, limit: $limit, filter: $filter, maxDegree: $maxDegree) {
          nodes { ${ENTITY} } edges { from to type quote { id } } truncated
          hubs { entity { id } degree groups { relationType direction kind count collapsed } }
        }
      }`,
      { id, limit, filter: { throughQuotes: true, ...filter }, maxDegree },
    );
  const nb = data.neighborhoodWith;
  return { nodes: nb.nodes, edges: nb.edges.map(edgeOf), truncated: nb.truncated, hubs: nb.hubs };
}

function pathOf(p) {
  const steps = p.steps;
  const nodes = steps.map((s) => s.entity);
  const edges = [];
  for (let i = 1; i < steps.length; i++) {
    const prev = steps[i - 1].entity.id;
    const here = steps[i].entity.id;
    const out = steps[i].direction !== 'IN';
    edges.push({ from: out ? prev : here, to: out ? here : prev, type: steps[i].relation, quoteId: steps[i].quote?.id ?? null });
  }
  return { length: p.length, nodes, edges };
}

/**
 * Up to `first` shortest paths, shortest first, each `{ length, nodes, edges }` (edges in their
 * stated direction), under `filter` (a GraphFilter) and with `maxDegree` keeping hubs out of the
 * middle.
 */
export async function paths(from, to, { maxHops, first = 3, filter = {}, maxDegree = null }) {
  const data = await gql(
    `query ExplorePaths($from: ID!, $to: ID!, $first: Int, $maxHops: Int, $filter: GraphFilter, $maxDegree: Int) {
      paths(from: $from, to: $to, first: $first, maxHops: $maxHops, filter: $filter, maxDegree: $maxDegree) {
        length steps { entity { ${ENTITY} } relation direction quote { id } }
      }
    }`,
    { from, to, first, maxHops, filter, maxDegree },
  );
  // Paths through different quotes between the same entities draw the same: one is kept.
  const seen = new Set();
  return data.paths.map(pathOf).filter((p) => {
    const key = p.edges.map((e) => `${e.from}|${e.type}|${e.to}`).join(' ');
    return !seen.has(key) && seen.add(key);
  });
}

/** Relationship types the graph holds, most frequent first. */
export async function relationshipTypes() {
  const data = await gql('query ExploreTypes { stats { relationshipTypes { type count } } }');
  return data.stats.relationshipTypes.map((t) => t.type);
}

const QUOTE = `id text sentence speaker { ${ENTITY} } about { ${ENTITY} }
  article { id title url publishedAt outlet { id name } }`;

/** What the side panel shows of an entity: its facts, relations, timeline and quotes (said and about). */
export async function entityDetails(id) {
  return gql(
    `query ExploreEntity($id: ID!) {
      entity(id: $id) {
        ${ENTITY} aliases description wikidata
        related(first: 100) { type direction since until title entity { ${ENTITY} } }
        ... on Person { labels roles { title since until country { ${ENTITY} } organization { ${ENTITY} } } }
        ... on Country { isoCode }
        ... on Place { placeType country { ${ENTITY} } }
        ... on Summit { date outcome place { ${ENTITY} } country { ${ENTITY} } }
        ... on Talks { startYear endYear }
        ... on Organization { orgType country { ${ENTITY} } }
      }
      timeline(id: $id, first: 100) { date kind title entity { ${ENTITY} } }
      said: quotes(speaker: $id, first: 20) { totalCount edges { node { ${QUOTE} } } }
      about: quotes(about: $id, first: 20) { totalCount edges { node { ${QUOTE} } } }
    }`,
    { id },
  );
}

/** What `speaker` said about `about`: the quotes behind a SAID_ABOUT link, with their articles. */
export async function quotesBetween(speaker, about) {
  const data = await gql(`query ExploreQuotesBetween($speaker: ID!, $about: ID!) { quotes(speaker: $speaker, about: $about, first: 20) { totalCount edges { node { ${QUOTE} } } } }`, { speaker, about });
  return data.quotes;
}

/** An article's sentences, for showing a quote's or fact's sentence in its text. */
export async function articleSentences(id) {
  const data = await gql(`query ExploreArticle($id: ID!) { node(id: $id) { ... on Article { id title sentences } } }`, { id });
  return data.node?.sentences ?? [];
}
