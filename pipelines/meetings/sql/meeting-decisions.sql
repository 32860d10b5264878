-- The decisions taken in meeting $1, in order: which theme, what, by whom.
SELECT h.seq, h.theme_id, strftime(h.changed_at, '%Y-%m-%dT%H:%M:%S') AS changed_at, u.display_name AS changed_by, h.action, h.after_value
FROM theme_history h
LEFT JOIN users u ON u.user_id = h.user_id
WHERE h.meeting_id = $1
ORDER BY h.seq;
