/**
 * The product's Cypher files (cypher/<file>.cypher, without `.cypher`) and the query names they give.
 * CypherRegistry checks the list against the folder at startup, both ways. Keep it sorted.
 */
export const QUERY_FILES = [
  'articles.authors',
  'articles.bodies',
  'articles.by-ids',
  'articles.entities',
  'articles.list',
  'articles.outlets',
  'articles.quotes',
  'articles.search',
  'countries.lists',
  'entities.by-ids',
  'entities.mentions',
  'entities.related',
  'export.nodes',
  'export.relationships',
  'graph.neighborhood',
  'graph.neighborhood-1',
  'graph.path',
  'graph.stats',
  'graph.timeline',
  'ingest.entity-state',
  'ingest.match-names',
  'organizations.country',
  'organizations.people',
  'people.analysts',
  'people.leader-of',
  'people.leaders',
  'people.lists',
  'people.meetings',
  'people.quotes',
  'people.roles',
  'places.country',
  'places.within',
  'quotes.about',
  'quotes.by-ids',
  'quotes.list',
  'schema.await',
  'schema.setup',
  'search.entities',
  'seed.existing-entities',
  'seed.merge-articles',
  'seed.merge-entities',
  'seed.merge-mentions',
  'seed.merge-quotes',
  'seed.merge-relations',
  'seed.merge-sources',
  'seed.reference-facts',
  'seed.state',
  'seed.state-set',
  'sources.articles-by-keys',
  'sources.by-file',
  'sources.by-ids',
  'sources.delete',
  'sources.quotes-by-ids',
  'sources.refresh-entities',
  'sources.state',
  'sources.unstate-article',
  'sources.unstate-defines',
  'sources.unstate-relations',
  'summits.articles',
  'summits.country',
  'summits.list',
  'summits.lists',
  'summits.place',
  'summits.quotes',
  'talks.members',
] as const;

/**
 * Files that are templates: each value of the placeholder `{{<placeholder>}}` in the file makes one
 * query, named `<file>-<value>`. For what Cypher cannot take as a parameter, such as a quantified
 * path's bound; the values are fixed here, never taken from a request.
 */
export const QUERY_TEMPLATES = {
  'graph.path': { placeholder: 'MAX_HOPS', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  'graph.neighborhood': { placeholder: 'HOPS', values: [2, 3, 4, 6] },
} as const satisfies Readonly<Record<string, QueryTemplate>>;

export interface QueryTemplate {
  readonly placeholder: string;
  readonly values: readonly number[];
}

type Templates = typeof QUERY_TEMPLATES;
type TemplateFile = keyof Templates;
type Variant = { [F in TemplateFile]: `${F}-${Templates[F]['values'][number]}` }[TemplateFile];

/** The name of a product query: a file's, or a template's variant (`graph.path-3`). */
export type QueryName = Exclude<(typeof QUERY_FILES)[number], TemplateFile> | Variant;

/** The name of the variant of `template` for `value`, checked against the template's values. */
export function variantName<F extends TemplateFile>(template: F, value: number): Extract<QueryName, `${F}-${number}`> {
  if (!(QUERY_TEMPLATES[template].values as readonly number[]).includes(value)) {
    throw new RangeError(`no query ${template} for ${QUERY_TEMPLATES[template].placeholder} = ${value}`);
  }
  return `${template}-${value}` as Extract<QueryName, `${F}-${number}`>;
}
