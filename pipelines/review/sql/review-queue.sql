-- The cases of run $1 the meeting may review: each theme's members with their nearest other
-- theme, and the unassigned cases (not 個別の事情) with the theme they come nearest.
SELECT record_id, theme_id, similarity, runner_up AS other_theme, runner_up_similarity AS other_similarity
FROM theme_members WHERE run_id = $1
UNION ALL
SELECT record_id, NULL, 0, nearest_theme, nearest_similarity
FROM run_unassigned WHERE run_id = $1 AND NOT individual AND nearest_theme IS NOT NULL
ORDER BY record_id;
