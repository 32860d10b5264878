INSERT INTO theme_history (theme_id, changed_at, user_id, action, before_value, after_value, meeting_id) VALUES ($1, $2::TIMESTAMP, $3, $4, $5, $6, $7);
