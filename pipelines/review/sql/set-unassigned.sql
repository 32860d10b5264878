-- Case $2 of run $1 is unassigned, in the 個別の事情 group when $3.
INSERT INTO run_unassigned (run_id, record_id, individual) VALUES ($1, $2, $3)
ON CONFLICT (run_id, record_id) DO UPDATE SET individual = excluded.individual;
