-- An unassigned case $3 of run $1 joins theme $2 in the version the run saw.
INSERT INTO theme_members (run_id, theme_id, record_id, version, similarity)
SELECT $1, $2, $3, c.version, 0 FROM current_cases c WHERE c.record_id = $3;
