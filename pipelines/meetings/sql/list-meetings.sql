-- Every meeting, the latest first, with how many agenda items and decisions it has.
SELECT m.meeting_id, m.kind, strftime(m.held_on, '%Y-%m-%d') AS held_on, m.subcommittee, m.title, m.public,
       (SELECT count(*) FROM meeting_agenda a WHERE a.meeting_id = m.meeting_id)::INTEGER AS agenda_items,
       (SELECT count(*) FROM theme_history h WHERE h.meeting_id = m.meeting_id)::INTEGER AS decisions
FROM meetings m
ORDER BY m.held_on DESC, m.meeting_id DESC;
