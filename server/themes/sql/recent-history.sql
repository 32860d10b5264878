-- The council's latest $1 decisions on any theme, newest first, for the board.
SELECT h.seq, h.theme_id, strftime(h.changed_at, '%Y-%m-%dT%H:%M:%S') AS changed_at, u.display_name AS changed_by, h.action, h.after_value
FROM theme_history h
LEFT JOIN users u ON u.user_id = h.user_id
ORDER BY h.seq DESC
LIMIT $1;
