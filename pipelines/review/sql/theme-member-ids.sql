SELECT record_id FROM theme_members WHERE run_id = $1 AND theme_id = $2 ORDER BY record_id;
