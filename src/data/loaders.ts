import type { Db } from '../db/db.js';
import { Articles } from './articles.js';
import { Countries } from './countries.js';
import { Entities } from './entities.js';
import { Graph } from './graph.js';
import { Names } from './names.js';
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
  readonly names: Names;
  readonly graph: Graph;
}

/**
 * Builds the data layer for ONE request. DataLoader caches live as long as their loader, so sharing
 * loaders between requests would serve one request's data to another and never see writes; call
 * this from the GraphQL context factory only. Pass the request's counting Db so every round trip is
 * counted. All areas share one Entities instance: whatever any query returns primes the one
 * entity-by-id cache.
 *
 * Each area is built when a resolver first asks for it: a request touches one to three of the twelve
 * areas, and building all of them means about thirty DataLoaders and their closures.
 */
export function createLoaders(db: Db): Loaders {
  return new RequestLoaders(db);
}

class RequestLoaders implements Loaders {
  #entities: Entities | undefined;
  #quotes: Quotes | undefined;
  #articles: Articles | undefined;
  #nodes: Nodes | undefined;
  #people: People | undefined;
  #countries: Countries | undefined;
  #places: Places | undefined;
  #organizations: Organizations | undefined;
  #summits: Summits | undefined;
  #search: Search | undefined;
  #graph: Graph | undefined;
  #names: Names | undefined;

  constructor(private readonly db: Db) {}

  get entities(): Entities {
    return (this.#entities ??= new Entities(this.db));
  }
  get quotes(): Quotes {
    return (this.#quotes ??= new Quotes(this.db, this.entities));
  }
  get articles(): Articles {
    return (this.#articles ??= new Articles(this.db, this.entities, this.quotes));
  }
  get nodes(): Nodes {
    return (this.#nodes ??= new Nodes(this.entities, this.articles, this.quotes));
  }
  get people(): People {
    return (this.#people ??= new People(this.db, this.entities, this.quotes));
  }
  get countries(): Countries {
    return (this.#countries ??= new Countries(this.db, this.entities));
  }
  get places(): Places {
    return (this.#places ??= new Places(this.db, this.entities));
  }
  get organizations(): Organizations {
    return (this.#organizations ??= new Organizations(this.db, this.entities));
  }
  get summits(): Summits {
    return (this.#summits ??= new Summits(this.db, this.entities, this.quotes));
  }
  get search(): Search {
    return (this.#search ??= new Search(this.db, this.entities));
  }
  get names(): Names {
    return (this.#names ??= new Names(this.search));
  }
  get graph(): Graph {
    return (this.#graph ??= new Graph(this.db, this.entities));
  }
}
