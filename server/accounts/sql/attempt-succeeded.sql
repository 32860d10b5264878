UPDATE login_attempts SET succeeded = true WHERE attempt_id = $1;
