-- Current case versions whose terms have not been found yet; all of them when $1 is true
-- (the index is rebuilt).
SELECT c.record_id, c.version, c.consultation, c.problem, c.support, c.regional_note
FROM current_cases c
WHERE $1 OR NOT EXISTS (SELECT 1 FROM indexed_cases i WHERE i.record_id = c.record_id AND i.version = c.version)
ORDER BY c.record_id;
