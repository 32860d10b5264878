SELECT line, record_id AS "recordId", column_name AS "column", kind, action FROM pii_findings WHERE upload_id = $1 ORDER BY seq;
