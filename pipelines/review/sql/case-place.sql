-- Where case $2 is in run $1: its theme, or unassigned (and whether in the 個別の事情 group); no row when the run lacks it.
SELECT theme_id, false AS individual FROM theme_members WHERE run_id = $1 AND record_id = $2
UNION ALL
SELECT NULL, individual FROM run_unassigned WHERE run_id = $1 AND record_id = $2;
