-- One page of the current case versions whose terms have not been found yet (all of them
-- when $1 is true: the index is rebuilt): those with record ids from $2 to $3. One JSON
-- array of [record_id, version, consultation, problem, support, regional_note]: the binding
-- converts each value it hands over at a cost that, for 20,000 cases, was more than the
-- query (98 ms against 59 ms for one string).
SELECT '[' || coalesce(string_agg(json_array(c.record_id, c.version, c.consultation, c.problem, c.support, c.regional_note)::VARCHAR, ',' ORDER BY c.record_id), '') || ']' AS cases
FROM current_cases c
WHERE c.record_id BETWEEN $2 AND $3
  AND ($1 OR NOT EXISTS (SELECT 1 FROM indexed_cases i WHERE i.record_id = c.record_id AND i.version = c.version));
