import { DateScalar, DateTimeScalar, scalarBehaviour } from '../scalars.js';
import { contentResolvers } from './content.js';
import { entityResolvers } from './entities.js';
import { graphResolvers } from './graph.js';
import { personResolvers } from './people.js';
import { placeResolvers } from './places.js';
import { queryResolvers } from './query.js';
import { summitResolvers } from './summits.js';
import type { ResolverMap } from './types.js';

/**
 * Every resolver of the schema. Areas never define the same type twice, so a shallow merge is
 * exact; a duplicate type name fails here instead of silently dropping resolvers.
 */
export function allResolvers(): ResolverMap {
  const parts: ResolverMap[] = [
    { Date: scalarBehaviour(DateScalar), DateTime: scalarBehaviour(DateTimeScalar) },
    entityResolvers,
    personResolvers,
    placeResolvers,
    summitResolvers,
    contentResolvers,
    graphResolvers,
    queryResolvers,
  ];
  const merged: ResolverMap = {};
  for (const part of parts) {
    for (const [type, resolvers] of Object.entries(part)) {
      if (type in merged) throw new Error(`Resolvers for type ${type} are defined twice`);
      merged[type] = resolvers;
    }
  }
  return merged;
}
