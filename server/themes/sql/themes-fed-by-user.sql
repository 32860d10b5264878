-- Themes of run $1 holding a case version that user $2 uploaded, with how many of theirs.
SELECT m.theme_id, count(*)::INTEGER AS own_cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
JOIN uploads u ON u.upload_id = c.upload_id
WHERE m.run_id = $1 AND u.uploaded_by = $2
GROUP BY m.theme_id
ORDER BY m.theme_id;
