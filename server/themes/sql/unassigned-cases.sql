-- The cases run $1 left out of every theme: the one-off matters (個別の事情) apart, the rest
-- nearest a theme first, each with its facts and that theme, for the meeting to place.
SELECT u.record_id, strftime(c.conference_date, '%Y-%m-%d') AS conference_date, c.agency_code, c.area,
       c.disability_type, c.age_band, u.individual, u.nearest_theme, coalesce(t.council_name, s.label) AS nearest_name,
       coalesce(u.nearest_similarity, 0) AS nearest_similarity
FROM run_unassigned u
JOIN current_cases c ON c.record_id = u.record_id
LEFT JOIN theme_snapshots s ON s.run_id = u.run_id AND s.theme_id = u.nearest_theme
LEFT JOIN themes t ON t.theme_id = u.nearest_theme
WHERE u.run_id = $1
ORDER BY u.individual, nearest_similarity DESC, u.record_id;
