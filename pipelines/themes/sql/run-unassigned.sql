SELECT record_id, individual FROM run_unassigned WHERE run_id = $1 ORDER BY record_id;
