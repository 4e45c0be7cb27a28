// Benchmark (npm run bench): how many transactions Neo4j is running besides this one. Between timed
// runs the bench waits for none: requests that autocannon abandoned when a run's window closed are
// still being answered, and their queries would otherwise run in the next run's window.
SHOW TRANSACTIONS YIELD currentQuery
WHERE NOT currentQuery CONTAINS 'bench-transactions-probe'
RETURN count(*) AS others
