// Size of the graph. Kind counts use the label count store; relationships counts only those
// joining two Entity nodes (the facts), by type.
RETURN
  COUNT { (:Person) } AS PERSON,
  COUNT { (:Country) } AS COUNTRY,
  COUNT { (:Place) } AS PLACE,
  COUNT { (:Summit) } AS SUMMIT,
  COUNT { (:Talks) } AS TALKS,
  COUNT { (:Organization) } AS ORGANIZATION,
  COUNT { (:Topic) } AS TOPIC,
  COUNT { (:Article) } AS articles,
  COUNT { (:Quote) } AS quotes,
  COLLECT {
    MATCH (:Entity)-[r]->(:Entity)
    WITH type(r) AS type, count(*) AS n
    RETURN {type: type, count: n} ORDER BY n DESC, type
  } AS relationshipTypes
