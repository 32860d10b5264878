SELECT line, record_id AS "recordId", column_name AS "column", severity, code, message FROM ingest_issues WHERE upload_id = $1 ORDER BY seq;
