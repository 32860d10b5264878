INSERT INTO theme_progress (theme_id, kind, noted_on, text, meeting_id, user_id, created_at)
VALUES ($1, $2, $3::DATE, $4, $5, $6, $7::TIMESTAMP);
