import { KIND_LABELS, typeNameOfId, type EntityRecord } from '../../data/records.js';
import type { EvidenceRecord, RelationRecord } from '../../data/entities.js';
import type { NodeRecord } from '../../data/nodes.js';
import { confidence, intInRange } from '../args.js';
import { pageArgs, toConnection } from '../cursor.js';
import type { PageInput, Resolver, ResolverMap } from './types.js';


/**
 * The concrete type of a Node record: entities by their kind; articles and quotes by their id's
 * prefix (README.md, Graph model: `article:`, `quote:`), the one thing all three record shapes share.
 */
export function typeOfNode(node: NodeRecord): string {
  if ('kind' in node) return KIND_LABELS[node.kind];
  return typeNameOfId(node.id) === 'Quote' ? 'Quote' : 'Article';
}

/** A stored text property, or null when absent or not text. */
export function textProp(entity: EntityRecord, name: string): string | null {
  const v = entity.props[name];
  return typeof v === 'string' ? v : null;
}

/** Largest `related(first:)`. */
const MAX_RELATED = 200;

type E<A = Record<string, never>> = Resolver<EntityRecord, A>;

/**
 * Fields every entity kind shares. Declared once on the Entity interface; the schema is built with
 * inheritResolversFromInterfaces, so Person, Country... use these.
 */
const entity = {
  __resolveType: typeOfNode,
  description: ((e) => textProp(e, 'description')) satisfies E,
  wikidata: ((e) => textProp(e, 'wikidata')) satisfies E,
  mentions: ((e, paging, ctx) =>
    ctx.loaders.articles.mentioning(e.id, pageArgs('article', paging)).then(toConnection('article'))) satisfies E<PageInput>,
  related: ((e, { first }, ctx) =>
    ctx.loaders.entities.related(e.id, intInRange('first', first, 1, MAX_RELATED, 50))) satisfies E<{
    first?: number | null;
  }>,
  relatedWith: ((e, { first, minConfidence }, ctx) =>
    ctx.loaders.entities.related(e.id, intInRange('first', first, 1, MAX_RELATED, 50), confidence('minConfidence', minConfidence))) satisfies E<{
    first?: number | null;
    minConfidence: number;
  }>,
};

export const entityResolvers: ResolverMap = {
  Node: { __resolveType: typeOfNode },
  Entity: entity,
  Relation: {
    relationType: ((r) => r.type) satisfies Resolver<RelationRecord>,
    sources: (async (r, _args, ctx) => {
      const articles = await Promise.all(r.sourceIds.map((id) => ctx.loaders.articles.get(id)));
      return articles.filter((a) => a !== null);
    }) satisfies Resolver<RelationRecord>,
  },
  Evidence: {
    article: ((ev, _args, ctx) => ctx.loaders.articles.get(ev.articleId)) satisfies Resolver<EvidenceRecord>,
    text: (async (ev, _args, ctx) => {
      if (ev.start === null || ev.end === null) return null;
      const { text } = await ctx.loaders.articles.body(ev.articleId);
      return text === null ? null : text.slice(ev.start, ev.end);
    }) satisfies Resolver<EvidenceRecord>,
    sentenceText: (async (ev, _args, ctx) => {
      if (ev.sentence === null) return null;
      const { sentences } = await ctx.loaders.articles.body(ev.articleId);
      return sentences[ev.sentence] ?? null;
    }) satisfies Resolver<EvidenceRecord>,
  },
};
