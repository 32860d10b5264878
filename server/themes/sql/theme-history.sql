-- Theme $1's history in order, each decision with the meeting it was taken in (if any).
SELECT h.seq, strftime(h.changed_at, '%Y-%m-%dT%H:%M:%S') AS changed_at, u.display_name AS changed_by, h.action, h.before_value, h.after_value,
       h.meeting_id, m.kind AS meeting_kind, strftime(m.held_on, '%Y-%m-%d') AS meeting_held_on
FROM theme_history h
LEFT JOIN users u ON u.user_id = h.user_id
LEFT JOIN meetings m ON m.meeting_id = h.meeting_id
WHERE h.theme_id = $1
ORDER BY h.seq;
