-- A correction of the meeting: its kind, the theme it was made from, who and when.
INSERT INTO corrections (kind, theme_id, made_at, user_id) VALUES ($1, $2, $3::TIMESTAMP, $4) RETURNING correction_id;
