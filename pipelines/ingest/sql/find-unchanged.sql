-- Staged records whose content equals the stored current version.
SELECT s.record_id, s.line, c.upload_id
FROM ingest_staging s
JOIN current_cases c ON c.record_id = s.record_id AND c.content_hash = s.content_hash
ORDER BY s.line;
