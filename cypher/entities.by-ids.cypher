// Entity nodes by id (batched). Ids without a node return no row; the caller maps them to null.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, e AS item
