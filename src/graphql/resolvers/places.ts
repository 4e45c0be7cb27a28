import type { MembershipRecord } from '../../data/countries.js';
import type { EntityRecord } from '../../data/records.js';
import { textProp } from './entities.js';
import type { Resolver, ResolverMap } from './types.js';

type E = Resolver<EntityRecord>;

/** A stored year as an Int; the seed loader may store years as floats. */
function yearProp(e: EntityRecord, name: string): number | null {
  const v = e.props[name];
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null;
}

/** Country, Place, Organization, Talks, and Topic (which has only the shared Entity fields). */
export const placeResolvers: ResolverMap = {
  Country: {
    // The id carries the code too (country:PRK), should a node lack the property.
    isoCode: ((c) => textProp(c, 'isoCode') ?? c.id.slice(c.id.indexOf(':') + 1)) satisfies E,
    leaders: ((c, _a, ctx) => ctx.loaders.countries.leaders(c.id)) satisfies E,
    summits: ((c, _a, ctx) => ctx.loaders.countries.summits(c.id)) satisfies E,
    talks: ((c, _a, ctx) => ctx.loaders.countries.talks(c.id)) satisfies E,
  },
  Place: {
    country: ((p, _a, ctx) => ctx.loaders.places.country(p.id)) satisfies E,
    placeType: ((p) => textProp(p, 'placeType')) satisfies E,
    within: ((p, _a, ctx) => ctx.loaders.places.within(p.id)) satisfies E,
  },
  Organization: {
    country: ((o, _a, ctx) => ctx.loaders.organizations.country(o.id)) satisfies E,
    people: ((o, _a, ctx) => ctx.loaders.organizations.people(o.id)) satisfies E,
    orgType: ((o) => textProp(o, 'orgType')) satisfies E,
  },
  Talks: {
    startYear: ((t) => yearProp(t, 'startYear')) satisfies E,
    endYear: ((t) => yearProp(t, 'endYear')) satisfies E,
    members: ((t, _a, ctx) => ctx.loaders.countries.membersOfTalks(t.id)) satisfies E,
  },
  TalksMembership: {
    country: ((m) => m.country) satisfies Resolver<MembershipRecord>,
  },
};
