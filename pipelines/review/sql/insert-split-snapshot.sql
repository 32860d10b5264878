-- The new theme of a split, in run $1: a copy of theme $3's snapshot under id $2 and label $4.
INSERT INTO theme_snapshots
SELECT run_id, $2, $4, case_count, org_count, area_count, period_count, first_seen, last_seen, trend, score,
       suggested_subcommittee, routing_reason, routing_confidence, issue_area, NULL
FROM theme_snapshots WHERE run_id = $1 AND theme_id = $3;
