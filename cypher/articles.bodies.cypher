// The stored text and sentences of each article (batched; only fetched when asked for).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, a.text AS text, coalesce(a.sentences, []) AS sentences
