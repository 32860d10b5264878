SELECT theme_id, record_id FROM theme_members WHERE run_id = $1 ORDER BY theme_id, record_id;
