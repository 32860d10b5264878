INSERT INTO audit_log (logged_at, user_id, action, target, before_value, after_value) VALUES ($1::TIMESTAMP, $2, $3, $4, $5, $6);
