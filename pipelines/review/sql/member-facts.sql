-- The cases of theme $2 in run $1, for recounting its recurrence.
SELECT m.record_id, strftime(c.conference_date, '%Y-%m-%d') AS conference_date, c.agency_code, c.area
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2;
