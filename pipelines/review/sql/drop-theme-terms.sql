DELETE FROM theme_terms WHERE run_id = $1 AND theme_id = $2;
