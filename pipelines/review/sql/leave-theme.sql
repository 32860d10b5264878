-- Case $2 of run $1 leaves its theme.
DELETE FROM theme_members WHERE run_id = $1 AND record_id = $2;
