-- A live session and its user, by the hash of the session token.
SELECT u.user_id, u.login, u.display_name, u.role, s.csrf_token, strftime(s.expires_at, '%Y-%m-%dT%H:%M:%S') AS expires_at
FROM sessions s
JOIN users u ON u.user_id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > $2::TIMESTAMP AND NOT u.disabled;
