import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { entityListLoader, entityLoader, type Entities } from './entities.js';
import type { EntityRecord } from './records.js';

/** Organization fields for one request. */
export class Organizations {
  private readonly countryLoader: DataLoader<string, EntityRecord | null>;
  private readonly peopleLoader: DataLoader<string, EntityRecord[]>;

  constructor(db: Db, entities: Entities) {
    this.countryLoader = entityLoader(db, 'organizations.country', entities);
    this.peopleLoader = entityListLoader(db, 'organizations.people', entities, { carriesParent: true });
  }

  /** The country the organization is BASED_IN, directly or through a place in it. */
  country(id: string): Promise<EntityRecord | null> {
    return this.countryLoader.load(id);
  }

  /** People AFFILIATED_WITH it, by name. */
  people(id: string): Promise<EntityRecord[]> {
    return this.peopleLoader.load(id);
  }
}
