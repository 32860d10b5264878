SELECT h.seq, strftime(h.changed_at, '%Y-%m-%dT%H:%M:%S') AS changed_at, u.display_name AS changed_by, h.action, h.before_value, h.after_value
FROM theme_history h
LEFT JOIN users u ON u.user_id = h.user_id
WHERE h.theme_id = $1
ORDER BY h.seq;
