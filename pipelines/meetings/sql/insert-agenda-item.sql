INSERT INTO meeting_agenda (meeting_id, position, theme_id, item, question) VALUES ($1, $2, $3, $4, $5);
