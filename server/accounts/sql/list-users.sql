SELECT user_id, login, display_name, role, disabled, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at FROM users ORDER BY login;
