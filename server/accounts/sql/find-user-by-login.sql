SELECT user_id, login, display_name, role, password_hash, disabled FROM users WHERE login = $1;
