// One page of summits, newest first (undated last), with the total. Filters (null = any):
// $participant ATTENDED it; it was held in country $country (HELD_IN, LOCATED_IN*); its date is
// within [$from, $to] ("YYYY-MM-DD", inclusive; undated summits fail a date filter).
MATCH (s:Summit)
WHERE ($participant IS NULL OR EXISTS { (:Person {id: $participant})-[:ATTENDED]->(s) })
  AND ($country IS NULL OR EXISTS { (s)-[:HELD_IN]->(:Place)-[:LOCATED_IN*1..5]->(:Country {id: $country}) })
  AND ($from IS NULL OR s.date >= date($from))
  AND ($to IS NULL OR s.date <= date($to))
WITH s ORDER BY s.date IS NULL, s.date DESC, s.id
WITH collect(s) AS matched
RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
