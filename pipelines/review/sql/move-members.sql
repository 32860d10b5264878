-- Moves one case of theme $2 in run $1 to theme $3.
UPDATE theme_members SET theme_id = $3 WHERE run_id = $1 AND theme_id = $2 AND record_id = $4;
