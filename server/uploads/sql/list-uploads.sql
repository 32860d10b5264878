-- Uploads, newest first; $1 limits them to one uploader, or null for all.
SELECT upload_id, file_name, encoding, rows, accepted, skipped, rejected,
       strftime(uploaded_at, '%Y-%m-%dT%H:%M:%S') AS uploaded_at, uploaded_by
FROM uploads
WHERE $1::VARCHAR IS NULL OR uploaded_by = $1
ORDER BY uploaded_at DESC, upload_id DESC;
