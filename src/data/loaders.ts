import type { Db } from '../db/db.js';
import { Articles } from './articles.js';
import { Countries } from './countries.js';
import { Entities } from './entities.js';
import { Graph } from './graph.js';
import { Nodes } from './nodes.js';
import { Organizations } from './organizations.js';
import { People } from './people.js';
import { Places } from './places.js';
import { Quotes } from './quotes.js';
import { Search } from './search.js';
import { Summits } from './summits.js';

/** Everything the GraphQL layer reads, grouped by area; one instance per request. */
export interface Loaders {
  readonly nodes: Nodes;
  readonly entities: Entities;
  readonly quotes: Quotes;
  readonly articles: Articles;
  readonly people: People;
  readonly countries: Countries;
  readonly places: Places;
  readonly organizations: Organizations;
  readonly summits: Summits;
  readonly search: Search;
  readonly graph: Graph;
}

/**
 * Builds the data layer for ONE request. DataLoader caches live as long as their loader, so sharing
 * loaders between requests would serve one request's data to another and never see writes; call
 * this from the GraphQL context factory only. Pass the request's counting Db so every round trip is
 * counted. All areas share one Entities instance: whatever any query returns primes the one
 * entity-by-id cache.
 */
export function createLoaders(db: Db): Loaders {
  const entities = new Entities(db);
  const quotes = new Quotes(db, entities);
  const articles = new Articles(db, entities, quotes);
  return {
    nodes: new Nodes(entities, articles, quotes),
    entities,
    quotes,
    articles,
    people: new People(db, entities, quotes),
    countries: new Countries(db, entities),
    places: new Places(db, entities),
    organizations: new Organizations(db, entities),
    summits: new Summits(db, entities, quotes),
    search: new Search(db, entities),
    graph: new Graph(db, entities),
  };
}
