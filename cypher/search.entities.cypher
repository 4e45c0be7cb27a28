// Full-text search, best first. $lucene is built and escaped by src/data/lucene.ts.
// Name and alias hits come from entity_names, filtered to $labels (null = every kind); a name or
// alias equal to the whole query ($exact: trimmed, lower case, single spaces) gets $exactBonus, so
// "Kim" puts the person whose alias is Kim above the many other Kims. When
// $includeQuotes, quote_text hits contribute their speaker with the score scaled by $quoteWeight, so
// a name match outranks a mention in a quote. Each entity appears once, with its best score and, if
// that score came from a quote, the quote's id.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and every kind's small typed properties, instead of
// whole nodes; with $names, {.id, .name} alone.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
  WITH node, score
  WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
  RETURN node AS entity,
    score + CASE WHEN toLower(node.name) = $exact OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact)
                 THEN $exactBonus ELSE 0.0 END AS score,
    null AS quoteId
  UNION ALL
  CALL db.index.fulltext.queryNodes('quote_text', $lucene) YIELD node, score
  WITH node, score
  WHERE $includeQuotes
  MATCH (sp:Person)-[:SAID]->(node)
  RETURN sp AS entity, score * $quoteWeight AS score, node.id AS quoteId
}
WITH entity, score, quoteId ORDER BY score DESC, quoteId
WITH entity, collect({score: score, quoteId: quoteId})[0] AS best
RETURN CASE WHEN $names THEN entity {.id, .name} WHEN $light THEN entity {.id, .name, date: toString(entity.date), .isoCode, .placeType, .orgType, .startYear, .endYear} ELSE entity END AS entity, best.score AS score, best.quoteId AS quoteId
ORDER BY score DESC, toLower(entity.name), entity.id
LIMIT $first
