-- The latest $1 corrections, newest first, with how many cases each fixed and who made and undid it.
SELECT c.correction_id, c.kind, c.theme_id, strftime(c.made_at, '%Y-%m-%dT%H:%M:%S') AS made_at, c.user_id,
       strftime(c.undone_at, '%Y-%m-%dT%H:%M:%S') AS undone_at, c.undone_by,
       (SELECT count(*) FROM correction_cases cc WHERE cc.correction_id = c.correction_id)::INTEGER AS cases,
       (SELECT min(cc.record_id) FROM correction_cases cc WHERE cc.correction_id = c.correction_id) AS first_case,
       (SELECT min(cc.to_theme) FROM correction_cases cc WHERE cc.correction_id = c.correction_id) AS to_theme
FROM corrections c
ORDER BY c.correction_id DESC
LIMIT $1;
