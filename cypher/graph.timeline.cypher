// Dated events involving entity $id, oldest first, at most $first. Year-only facts (MEMBER_OF
// joined/left, Talks start/end years) are dated January 1 of the year; quotes are dated by their
// article's publication date (toInteger: a year may be stored as a float, which date() refuses).
// Facts without a date are left out. Each branch only matches the relationships (or label) of the
// kinds it applies to, so one query serves every kind of entity.
OPTIONAL MATCH (e:Entity {id: $id})
RETURN e IS NOT NULL AS found, COLLECT {
  CALL (e) {
    // A person attended a summit.
    MATCH (e)-[:ATTENDED]->(s:Summit)
    WHERE s.date IS NOT NULL
    RETURN s.date AS date, 'SUMMIT_ATTENDED' AS kind, 'Attended ' + s.name AS title, s AS entity, null AS quoteId
    UNION ALL
    // The summit itself.
    WITH e
    WHERE e:Summit AND e.date IS NOT NULL
    RETURN e.date AS date, 'SUMMIT_HELD' AS kind, e.name AS title,
      COLLECT { MATCH (e)-[:HELD_IN]->(pl:Place) RETURN pl ORDER BY pl.name LIMIT 1 }[0] AS entity, null AS quoteId
    UNION ALL
    // Summits held in a place or country (through enclosing places).
    MATCH (s:Summit)-[:HELD_IN]->(:Place)-[:LOCATED_IN*0..5]->(e)
    WHERE s.date IS NOT NULL
    RETURN DISTINCT s.date AS date, 'SUMMIT_HELD' AS kind, s.name AS title, s AS entity, null AS quoteId
    UNION ALL
    // Summits that discussed a topic.
    MATCH (s:Summit)-[:DISCUSSED]->(e)
    WHERE s.date IS NOT NULL
    RETURN s.date AS date, 'DISCUSSED' AS kind, 'Discussed at ' + s.name AS title, s AS entity, null AS quoteId
    UNION ALL
    // Roles (LEADS, AFFILIATED_WITH) starting, seen from the person or from the country/organization.
    MATCH (e)-[r:LEADS|AFFILIATED_WITH]-(x:Entity)
    WHERE r.since IS NOT NULL
    WITH r, x, startNode(r) AS p, endNode(r) AS holder
    RETURN r.since AS date, 'ROLE_STARTED' AS kind,
      p.name + ' became ' + coalesce(r.title, CASE type(r) WHEN 'LEADS' THEN 'leader' ELSE 'affiliate' END)
        + CASE type(r) WHEN 'LEADS' THEN ' of ' ELSE ' at ' END + holder.name AS title,
      x AS entity, null AS quoteId
    UNION ALL
    MATCH (e)-[r:LEADS|AFFILIATED_WITH]-(x:Entity)
    WHERE r.until IS NOT NULL
    WITH r, x, startNode(r) AS p, endNode(r) AS holder
    RETURN r.until AS date, 'ROLE_ENDED' AS kind,
      p.name + ' ended as ' + coalesce(r.title, CASE type(r) WHEN 'LEADS' THEN 'leader' ELSE 'affiliate' END)
        + CASE type(r) WHEN 'LEADS' THEN ' of ' ELSE ' at ' END + holder.name AS title,
      x AS entity, null AS quoteId
    UNION ALL
    // Talks joined and left, seen from the country or from the talks.
    MATCH (e)-[m:MEMBER_OF]-(x:Entity)
    WHERE m.joined IS NOT NULL
    RETURN date({year: toInteger(m.joined)}) AS date, 'TALKS_JOINED' AS kind,
      startNode(m).name + ' joined ' + endNode(m).name AS title, x AS entity, null AS quoteId
    UNION ALL
    MATCH (e)-[m:MEMBER_OF]-(x:Entity)
    WHERE m.left IS NOT NULL
    RETURN date({year: toInteger(m.left)}) AS date, 'TALKS_LEFT' AS kind,
      startNode(m).name + ' left ' + endNode(m).name AS title, x AS entity, null AS quoteId
    UNION ALL
    // The talks' own first and last year.
    WITH e
    WHERE e:Talks AND e.startYear IS NOT NULL
    RETURN date({year: toInteger(e.startYear)}) AS date, 'TALKS_STARTED' AS kind, e.name + ' began' AS title, null AS entity, null AS quoteId
    UNION ALL
    WITH e
    WHERE e:Talks AND e.endYear IS NOT NULL
    RETURN date({year: toInteger(e.endYear)}) AS date, 'TALKS_ENDED' AS kind, e.name + ' ended' AS title, null AS entity, null AS quoteId
    UNION ALL
    // Dated meetings (MET), either direction.
    MATCH (e)-[m:MET]-(o:Person)
    WHERE m.date IS NOT NULL
    RETURN m.date AS date, 'MET' AS kind, startNode(m).name + ' met ' + endNode(m).name AS title, o AS entity, null AS quoteId
    UNION ALL
    // Quotes the entity gave; the event's entity is the summit the quote is about, if any.
    MATCH (e)-[:SAID]->(q:Quote)-[:FROM]->(a:Article)
    WHERE a.publishedAt IS NOT NULL
    RETURN a.publishedAt AS date, 'QUOTED' AS kind,
      e.name + ': “' + CASE WHEN size(q.text) > 100 THEN left(q.text, 99) + '…' ELSE q.text END + '”' AS title,
      COLLECT { MATCH (q)-[:ABOUT]->(s:Summit) RETURN s ORDER BY s.date LIMIT 1 }[0] AS entity, q.id AS quoteId
    UNION ALL
    // Quotes about the entity by someone else; the event's entity is the speaker.
    MATCH (sp:Person)-[:SAID]->(q:Quote)-[:ABOUT]->(e)
    WHERE sp <> e
    MATCH (q)-[:FROM]->(a:Article)
    WHERE a.publishedAt IS NOT NULL
    RETURN a.publishedAt AS date, 'QUOTED_ABOUT' AS kind,
      sp.name + ': “' + CASE WHEN size(q.text) > 100 THEN left(q.text, 99) + '…' ELSE q.text END + '”' AS title,
      sp AS entity, q.id AS quoteId
  }
  RETURN {date: date, kind: kind, title: title, entity: entity, quoteId: quoteId}
  ORDER BY date, kind, title
  LIMIT $first
} AS events
