// Each person's roles: countries led (LEADS) then affiliations (AFFILIATED_WITH), each by start
// date. A missing title reads 'Leader' or 'Affiliate' because Role.title is non-null.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id,
  COLLECT {
    MATCH (p)-[r:LEADS]->(c:Country)
    RETURN {title: coalesce(r.title, 'Leader'), country: c, organization: null, since: r.since, until: r.until}
    ORDER BY r.since IS NULL, r.since, c.name
  } + COLLECT {
    MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization)
    RETURN {title: coalesce(r.title, 'Affiliate'), country: null, organization: o, since: r.since, until: r.until}
    ORDER BY r.since IS NULL, r.since, o.name
  } AS items
