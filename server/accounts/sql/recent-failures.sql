-- Failed logins for $1 since $2 and since the last success.
SELECT count(*)::INTEGER AS n
FROM login_attempts
WHERE login = $1 AND NOT succeeded AND attempted_at >= $2::TIMESTAMP
  AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts WHERE login = $1 AND succeeded), TIMESTAMP '1970-01-01');
