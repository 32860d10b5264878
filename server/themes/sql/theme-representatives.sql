-- The members of theme $2 in run $1 nearest its centre.
SELECT record_id FROM theme_members WHERE run_id = $1 AND theme_id = $2 ORDER BY similarity DESC, record_id LIMIT $3;
