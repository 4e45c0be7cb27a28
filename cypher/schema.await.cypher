// Blocks until every index is online, so a search right after setup sees the data.
CALL db.awaitIndexes($timeoutSeconds)
