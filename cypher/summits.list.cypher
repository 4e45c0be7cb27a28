// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of summits, newest first (undated last), with the total. Filters (null = any):
// $participant ATTENDED it; it was held in country $country (HELD_IN, LOCATED_IN*); its date is
// within [$from, $to] ("YYYY-MM-DD", inclusive; undated summits fail a date filter).
// Also returns, per item and in item order, the page's participants and countries (the same answers
// as the participants column of summits.lists and summits.country), which the dashboards ask with
// the list nearly always: the loaders are primed with them, so the common list shape costs one
// query, not three.
// With $light (a request asking only light fields, src/graphql/projection.ts) it returns light
// projections of the entity nodes, {.id, .name} and the kind's small typed properties, instead of whole nodes.
MATCH (s:Summit)
WHERE ($participant IS NULL OR EXISTS { (:Person {id: $participant})-[:ATTENDED]->(s) })
  AND ($country IS NULL OR EXISTS { (s)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(:Country {id: $country}) })
  AND ($from IS NULL OR s.date >= date($from))
  AND ($to IS NULL OR s.date <= date($to))
WITH s, [s.date IS NULL, coalesce(duration.inDays(s.date, date('1970-01-01')).days, 0), s.id] AS key
ORDER BY key
WITH collect({s: s, key: key}) AS matched
WITH size(matched) AS total, [m IN matched WHERE ($after IS NULL OR m.key > $after) AND ($before IS NULL OR m.key < $before)] AS window
WITH total, CASE WHEN $backward THEN reverse(window)[..$limit + 1] ELSE window[..$limit + 1] END AS window
WITH total, [m IN window | m.s] AS items, [m IN window | m.key] AS keys
RETURN total, keys, [s IN items | CASE WHEN $light THEN s {.id, .name, date: toString(s.date)} ELSE s END] AS items,
  [s IN items | COLLECT {
    MATCH (p:Person)-[:ATTENDED]->(s)
    RETURN CASE WHEN $light THEN p {.id, .name} ELSE p END ORDER BY toLower(p.name), p.id
  }] AS participants,
  [s IN items | COLLECT {
    MATCH path = (s)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(c:Country)
    RETURN CASE WHEN $light THEN c {.id, .name, .isoCode} ELSE c END ORDER BY length(path), c.name
    LIMIT 1
  }[0]] AS countries
