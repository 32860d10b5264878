-- The pages the current case versions whose terms have not been found yet are read in (all
-- of them when $1 is true: the index is rebuilt), $2 cases a page in record-id order: each
-- page's first and last record id, its cases, and its text cells that are not empty.
WITH unindexed AS (
  SELECT c.record_id,
         (coalesce(c.consultation, '') <> '')::INTEGER + (coalesce(c.problem, '') <> '')::INTEGER
           + (coalesce(c.support, '') <> '')::INTEGER + (coalesce(c.regional_note, '') <> '')::INTEGER AS cells,
         (row_number() OVER (ORDER BY c.record_id) - 1) // $2 AS page
  FROM current_cases c
  WHERE $1 OR NOT EXISTS (SELECT 1 FROM indexed_cases i WHERE i.record_id = c.record_id AND i.version = c.version)
)
SELECT min(record_id) AS first_id, max(record_id) AS last_id, count(*)::INTEGER AS cases, sum(cells)::INTEGER AS cells
FROM unindexed
GROUP BY page
ORDER BY page;
