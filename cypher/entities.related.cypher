// Every relationship between each entity and another Entity node, both directions, at most $first
// per entity, ordered by type then the other entity's name. Article and quote links (MENTIONS,
// SAID, ABOUT...) do not join two entities and are left out. since/until are normalized to dates:
// MET's date counts as since, MEMBER_OF's joined/left years as January 1 of that year (toInteger:
// a year may be stored as a float, which date() refuses). $minConfidence (null: all) keeps a
// relationship with an evidence record of at least that confidence, or with no evidence at all
// (background facts of the reference files); an evidence record is the JSON the loader writes,
// whose last field is "confidence".
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, COLLECT {
  MATCH (e)-[r]-(other:Entity)
  WHERE other <> e
    AND ($minConfidence IS NULL OR size(coalesce(r.evidence, [])) = 0
         OR any(ev IN r.evidence WHERE toFloat(split(split(ev, '"confidence":')[1], '}')[0]) >= $minConfidence))
  RETURN {
    type: type(r),
    direction: CASE WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END,
    entity: other,
    since: coalesce(r.since, r.date, CASE WHEN r.joined IS NULL THEN null ELSE date({year: toInteger(r.joined)}) END),
    until: coalesce(r.until, CASE WHEN r.left IS NULL THEN null ELSE date({year: toInteger(r.left)}) END),
    title: r.title,
    sources: coalesce(r.sources, []),
    evidence: coalesce(r.evidence, [])
  }
  ORDER BY type(r), toLower(other.name), other.id
  LIMIT $first
} AS items
