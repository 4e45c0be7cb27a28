// Articles by id (batched), without their text.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, a {.id, .title, .url, publishedAt: toString(a.publishedAt)} AS item
