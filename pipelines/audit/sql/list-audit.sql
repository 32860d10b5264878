SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S') AS logged_at, user_id, action, target, before_value, after_value
FROM audit_log
ORDER BY seq DESC
LIMIT $1;
