// Tests only: empties the database in batches. CALL ... IN TRANSACTIONS
// needs an implicit (auto-commit) transaction: run it with session.Run.
MATCH (n)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
