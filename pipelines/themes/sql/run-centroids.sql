-- The centroid terms of each theme of run $1, for recognising the themes in a new run.
SELECT theme_id, term, centroid FROM theme_terms WHERE run_id = $1 AND centroid > 0 ORDER BY theme_id, term;
