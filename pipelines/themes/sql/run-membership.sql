-- Current cases whose version run $1 put in a theme, with that theme.
SELECT c.record_id, m.theme_id
FROM current_cases c
JOIN theme_members m ON m.run_id = $1 AND m.record_id = c.record_id AND m.version = c.version
ORDER BY c.record_id;
