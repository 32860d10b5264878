-- An attempt to sign in as $1 at $2 from $3, written as failed before the password is checked.
INSERT INTO login_attempts (login, attempted_at, succeeded, client, attempt_id) VALUES ($1, $2::TIMESTAMP, false, $3, $4);
