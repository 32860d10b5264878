INSERT INTO login_attempts VALUES ($1, $2::TIMESTAMP, $3);
