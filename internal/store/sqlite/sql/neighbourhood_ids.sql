-- Breadth-first over cooperations (read from both ends) up to :depth hops.
-- UNION drops repeated (id, hops) pairs, so each level is bounded by the
-- number of organisations.
WITH RECURSIVE reach (id, hops) AS (
    SELECT :id, 0
    UNION
    SELECT c.b, r.hops + 1 FROM reach r JOIN cooperations c ON c.a = r.id WHERE r.hops < :depth
    UNION
    SELECT c.a, r.hops + 1 FROM reach r JOIN cooperations c ON c.b = r.id WHERE r.hops < :depth
)
SELECT DISTINCT id FROM reach ORDER BY id
