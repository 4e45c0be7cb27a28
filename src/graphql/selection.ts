import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type GraphQLResolveInfo,
  type SelectionNode,
} from 'graphql';
import type { QuoteOptions } from '../data/quotes.js';

/** Whether @skip/@include leave this selection in, with the request's variables. */
export function included(node: SelectionNode, info: Pick<GraphQLResolveInfo, 'variableValues'>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

/**
 * Whether the selection of the field being resolved reaches `path`, a chain of field names below it
 * (`['edges', 'node', 'speaker', 'affiliations']`), through inline and named fragments of any type
 * condition; @skip/@include honoured. A fragment on some other type counts too: the answer decides
 * what a query brings along, and bringing a little more than asked costs work, never a wrong answer.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const reaches = (selections: readonly SelectionNode[], rest: readonly string[]): boolean => {
    if (rest.length === 0) return true;
    for (const s of selections) {
      if (!included(s, info)) continue;
      if (s.kind === Kind.FIELD) {
        if (s.name.value === rest[0] && reaches(s.selectionSet?.selections ?? [], rest.slice(1))) return true;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (reaches(s.selectionSet.selections, rest)) return true;
      } else {
        const fragment = info.fragments[s.name.value];
        if (fragment !== undefined && reaches(fragment.selectionSet.selections, rest)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((f) => reaches(f.selectionSet?.selections ?? [], path));
}

/** What a quote connection field should bring along, from its selection (QuoteOptions). */
export function quoteOptions(info: GraphQLResolveInfo): QuoteOptions {
  return {
    speakerAffiliations: selects(info, ['edges', 'node', 'speaker', 'affiliations']),
    article: selects(info, ['edges', 'node', 'article']),
  };
}
