SELECT record_id FROM run_unassigned WHERE run_id = $1 ORDER BY record_id;
