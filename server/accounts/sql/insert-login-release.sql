INSERT INTO login_releases VALUES ($1, $2::TIMESTAMP, $3);
