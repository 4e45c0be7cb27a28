import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import type { QueryName } from '../db/query-names.js';
import { argsLoader, idLoader, pageLoader, type ArgsKey } from './batch.js';
import { entityListsLoader, entityLoader, parseEvidence, type Entities, type EntityLists, type EvidenceRecord } from './entities.js';
import { int, merged, pageParams, type PageArgs } from './params.js';
import type { QuoteOptions, Quotes } from './quotes.js';
import { listOf, pageFrom, type EntityRecord, type Page, type QuoteRecord } from './records.js';

/** A position held: LEADS a country or AFFILIATED_WITH an organization. */
export interface RoleRecord {
  readonly title: string;
  readonly country: EntityRecord | null;
  readonly organization: EntityRecord | null;
  readonly since: string | null;
  readonly until: string | null;
}

/** A meeting of a person with another, from a MET relationship or a summit both attended. */
export interface MeetingRecord {
  readonly person: EntityRecord;
  /** "YYYY-MM-DD" or null. */
  readonly date: string | null;
  readonly place: EntityRecord | null;
  readonly summit: EntityRecord | null;
  readonly basis: 'MET' | 'SUMMIT';
  readonly sourceIds: readonly string[];
  readonly evidence: readonly EvidenceRecord[];
}

/** Filters of the leader and analyst lists; null means any. `name` is matched case-insensitively. */
export interface PersonFilter {
  readonly name: string | null;
  readonly affiliation: string | null;
}

/** Which people list: the label the list is restricted to. */
export type PersonList = 'leaders' | 'analysts';

const LIST_QUERIES: Record<PersonList, QueryName> = {
  leaders: 'people.leaders',
  analysts: 'people.analysts',
};

/** Person fields for one request. */
export class People {
  private readonly rolesLoader: DataLoader<string, RoleRecord[]>;
  private readonly leaderOfLoader: DataLoader<string, EntityRecord | null>;
  private readonly lists: EntityLists<'affiliations' | 'summits' | 'metWith'>;
  private readonly quotesLoader: DataLoader<ArgsKey<QuotesArgs>, Page<QuoteRecord>, string>;
  private readonly meetingsLoader: DataLoader<ArgsKey<{ with: string | null; first: number }>, MeetingRecord[], string>;

  constructor(
    private readonly db: Db,
    private readonly entities: Entities,
    quotes: Quotes,
  ) {
    this.rolesLoader = idLoader(
      (ids) => db.read('people.roles', { ids }),
      (row) =>
        listOf(row, 'items').map((item) => {
          const r = item as Record<string, unknown>;
          return {
            title: String(r.title),
            country: entities.adoptOrNull(r.country),
            organization: entities.adoptOrNull(r.organization),
            since: typeof r.since === 'string' ? r.since : null,
            until: typeof r.until === 'string' ? r.until : null,
          };
        }),
      () => [],
      'people.roles',
    );
    this.leaderOfLoader = entityLoader(db, 'people.leader-of', entities);
    this.meetingsLoader = argsLoader(
      (ids, args: { with: string | null; first: number }) => db.read('people.meetings', { ids, with: args.with, first: int(args.first) }),
      (row) =>
        listOf(row, 'items').map((item) => {
          const m = item as Record<string, unknown>;
          return {
            person: entities.adopt(m.person),
            date: typeof m.date === 'string' ? m.date : null,
            place: entities.adoptOrNull(m.place),
            summit: entities.adoptOrNull(m.summit),
            basis: m.basis === 'MET' ? 'MET' : 'SUMMIT',
            sourceIds: Array.isArray(m.sources) ? m.sources.map(String) : [],
            evidence: Array.isArray(m.evidence) ? m.evidence.flatMap(parseEvidence) : [],
          } satisfies MeetingRecord;
        }),
      () => [],
      'people.meetings',
    );
    this.lists = entityListsLoader('people.lists', entities, ['affiliations', 'summits', 'metWith']);
    this.quotesLoader = pageLoader(
      (ids, { page, ...options }: QuotesArgs) =>
        entities.readCarrying('people.quotes', { ids, ...options, ...pageParams(page) }),
      (args) => args.page,
      (item) => quotes.adopt(item),
      'people.quotes',
    );
  }

  /** Countries led, then affiliations, each by start date. */
  roles(id: string): Promise<RoleRecord[]> {
    return this.rolesLoader.load(id);
  }

  /** The country led now (LEADS without `until`), else the one led last; null if none. */
  leaderOf(id: string): Promise<EntityRecord | null> {
    return this.leaderOfLoader.load(id);
  }

  affiliations(id: string): Promise<EntityRecord[]> {
    return this.lists.load('affiliations', id);
  }

  /** Summits attended, oldest first. */
  summits(id: string): Promise<EntityRecord[]> {
    return this.lists.load('summits', id);
  }

  /** At most `first` meetings (MET, then summits both attended), oldest first; `withId` keeps those with that person. */
  meetings(id: string, withId: string | null, first: number): Promise<MeetingRecord[]> {
    return this.meetingsLoader.load({ id, args: { with: withId, first } });
  }

  /** Summit co-attendees and MET partners, each once, by name, never the person themself. */
  metWith(id: string): Promise<EntityRecord[]> {
    return this.lists.load('metWith', id);
  }

  /**
   * One page of the person's quotes (only those about `about` when given), newest article first.
   * QuoteOptions: whether to bring the person's organizations and each quote's article too.
   */
  quotes(id: string, about: string | null, page: PageArgs, options: QuoteOptions): Promise<Page<QuoteRecord>> {
    return this.quotesLoader.load({ id, args: { about, page, ...options } });
  }

  /** One page of the people on a list, by name. `filter.name` must already be lower case. */
  async list(which: PersonList, filter: PersonFilter, page: PageArgs): Promise<Page<EntityRecord>> {
    const [row] = await this.db.read(LIST_QUERIES[which], merged(filter, pageParams(page)));
    return pageFrom(row, page, (item) => this.entities.adopt(item));
  }
}

interface QuotesArgs extends QuoteOptions {
  readonly about: string | null;
  readonly page: PageArgs;
}
