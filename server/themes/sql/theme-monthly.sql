-- Cases of theme $2 in run $1 per conference month.
SELECT strftime(c.conference_date, '%Y-%m') AS month, count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2
GROUP BY month
ORDER BY month;
