-- Case $2 of run $1 is no longer unassigned.
DELETE FROM run_unassigned WHERE run_id = $1 AND record_id = $2;
