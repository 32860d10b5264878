-- Moves theme $3's cases in run $1 to theme $2.
UPDATE theme_members SET theme_id = $2 WHERE run_id = $1 AND theme_id = $3;
