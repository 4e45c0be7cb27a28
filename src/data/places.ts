import type DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { entityLoader, type Entities } from './entities.js';
import type { EntityRecord } from './records.js';

/** Place fields for one request. */
export class Places {
  private readonly countryLoader: DataLoader<string, EntityRecord | null>;
  private readonly withinLoader: DataLoader<string, EntityRecord | null>;

  constructor(db: Db, entities: Entities) {
    this.countryLoader = entityLoader(db, 'places.country', entities);
    this.withinLoader = entityLoader(db, 'places.within', entities);
  }

  /** The nearest country along LOCATED_IN (through enclosing places). */
  country(id: string): Promise<EntityRecord | null> {
    return this.countryLoader.load(id);
  }

  /** The place this place is directly LOCATED_IN, if any. */
  within(id: string): Promise<EntityRecord | null> {
    return this.withinLoader.load(id);
  }
}
