-- The cases of theme $2 in run $1, nearest the centre first, with their facts.
SELECT m.record_id, strftime(c.conference_date, '%Y-%m-%d') AS conference_date, c.agency_code, c.area,
       c.disability_type, c.age_band, m.similarity
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2
ORDER BY m.similarity DESC, m.record_id;
