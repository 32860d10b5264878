-- Current case versions whose terms have not been found yet.
SELECT c.record_id, c.version, c.consultation, c.problem, c.support, c.regional_note
FROM current_cases c
ANTI JOIN indexed_cases i ON i.record_id = c.record_id AND i.version = c.version
ORDER BY c.record_id;
