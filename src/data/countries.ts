import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { idLoader } from './batch.js';
import { entityListsLoader, type Entities, type EntityLists } from './entities.js';
import { listOf, type EntityRecord } from './records.js';

/** One country's membership in talks (MEMBER_OF), with whole-number years. */
export interface MembershipRecord {
  readonly country: EntityRecord;
  readonly joined: number | null;
  readonly left: number | null;
}

/** Country fields and talks memberships (MEMBER_OF joins the two kinds) for one request. */
export class Countries {
  private readonly lists: EntityLists<'leaders' | 'summits' | 'talks'>;
  private readonly membersLoader: DataLoader<string, MembershipRecord[]>;

  constructor(db: Db, entities: Entities) {
    this.lists = entityListsLoader('countries.lists', entities, ['leaders', 'summits', 'talks']);
    this.membersLoader = idLoader(
      (ids) => db.read('talks.members', { ids }),
      (row) =>
        listOf(row, 'items').map((item) => {
          const m = item as Record<string, unknown>;
          return { country: entities.adopt(m.country), joined: year(m.joined), left: year(m.left) };
        }),
      () => [],
      'talks.members',
    );
  }

  /** People who lead or led the country, current leaders first. */
  leaders(id: string): Promise<EntityRecord[]> {
    return this.lists.load('leaders', id);
  }

  /** Summits held in the country or attended by its leader in office, oldest first. */
  summits(id: string): Promise<EntityRecord[]> {
    return this.lists.load('summits', id);
  }

  /** Talks the country is or was a member of. */
  talks(id: string): Promise<EntityRecord[]> {
    return this.lists.load('talks', id);
  }

  /** Member countries of talks, by name, with the years they joined and left. */
  membersOfTalks(talksId: string): Promise<MembershipRecord[]> {
    return this.membersLoader.load(talksId);
  }
}

/** A stored year as a whole number: the seed loader may store years as floats. */
function year(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
}
