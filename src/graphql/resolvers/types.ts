import type { GraphQLResolveInfo, GraphQLScalarType } from 'graphql';
import type { GraphQLContext } from '../context.js';

/** A field resolver with typed parent and arguments. */
export type Resolver<P, A = Record<string, never>> = (parent: P, args: A, ctx: GraphQLContext, info: GraphQLResolveInfo) => unknown;

/** Resolvers of one or more types, as makeExecutableSchema takes them. */
export type ResolverMap = Record<string, GraphQLScalarType | Record<string, unknown>>;

/** Arguments of a connection field. */
export type { PageInput } from '../cursor.js';
