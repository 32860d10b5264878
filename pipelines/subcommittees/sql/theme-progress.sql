-- Theme $1's progress notes and reports, oldest first, with who wrote them.
SELECT g.seq, g.kind, strftime(g.noted_on, '%Y-%m-%d') AS noted_on, g.text, g.meeting_id, u.display_name AS written_by
FROM theme_progress g
LEFT JOIN users u ON u.user_id = g.user_id
WHERE g.theme_id = $1
ORDER BY g.noted_on, g.seq;
