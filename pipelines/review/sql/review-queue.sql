-- The cases of run $1 the meeting may review: each theme's least certain members with their
-- nearest other theme, and the unassigned cases (not 個別の事情) with the theme they come nearest.
SELECT r.record_id, r.theme_id, m.similarity, r.other_theme, r.other_similarity
FROM member_reviews r
JOIN theme_members m ON m.run_id = r.run_id AND m.record_id = r.record_id
WHERE r.run_id = $1
UNION ALL
SELECT record_id, NULL, 0, nearest_theme, nearest_similarity
FROM run_unassigned WHERE run_id = $1 AND NOT individual AND nearest_theme IS NOT NULL
ORDER BY record_id;
