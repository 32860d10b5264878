SELECT user_id, login FROM users WHERE user_id = $1;
