SELECT count(*)::INTEGER AS n FROM users WHERE role = 'secretariat' AND NOT disabled;
