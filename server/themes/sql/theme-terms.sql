SELECT term, weight FROM theme_terms WHERE run_id = $1 AND theme_id = $2 AND weight > 0 ORDER BY weight DESC, term;
