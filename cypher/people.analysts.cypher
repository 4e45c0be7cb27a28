// Paging by key (src/graphql/cursor.ts): `key` is the item's sort key, whose ascending order is the
// list's order; the page is the items with key > $after and < $before (null: unbounded), the first
// $limit + 1 of them or, with $backward, the last $limit + 1 read from the end; `keys` holds
// each item's key, in the order of `items`.
// One page of people labelled Analyst, by name, with the total. $name (lower case) is a substring
// of the name or an alias; $affiliation an organization they are AFFILIATED_WITH or a country they
// LEAD. Null filters match everyone.
MATCH (p:Person:Analyst)
WHERE ($name IS NULL OR toLower(p.name) CONTAINS $name OR any(a IN coalesce(p.aliases, []) WHERE toLower(a) CONTAINS $name))
  AND ($affiliation IS NULL OR EXISTS { (p)-[:AFFILIATED_WITH|LEADS]->(:Entity {id: $affiliation}) })
WITH p, [coalesce(toLower(p.name), ''), p.id] AS key
ORDER BY key
WITH collect({p: p, key: key}) AS matched
WITH size(matched) AS total, [m IN matched WHERE ($after IS NULL OR m.key > $after) AND ($before IS NULL OR m.key < $before)] AS window
WITH total, CASE WHEN $backward THEN reverse(window)[..$limit + 1] ELSE window[..$limit + 1] END AS window
RETURN total, [m IN window | m.p] AS items, [m IN window | m.key] AS keys
