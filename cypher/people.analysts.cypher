// One page of people labelled Analyst, by name, with the total. $name (lower case) is a substring
// of the name or an alias; $affiliation an organization they are AFFILIATED_WITH or a country they
// LEAD. Null filters match everyone.
MATCH (p:Person:Analyst)
WHERE ($name IS NULL OR toLower(p.name) CONTAINS $name OR any(a IN coalesce(p.aliases, []) WHERE toLower(a) CONTAINS $name))
  AND ($affiliation IS NULL OR EXISTS { (p)-[:AFFILIATED_WITH|LEADS]->(:Entity {id: $affiliation}) })
WITH p ORDER BY toLower(p.name), p.id
WITH collect(p) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
