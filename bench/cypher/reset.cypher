// Benchmark (npm run bench): empties the bench database between loads (constraints and indexes stay).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
