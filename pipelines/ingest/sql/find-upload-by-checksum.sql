-- The earliest upload of a file with exactly these bytes.
SELECT upload_id
FROM uploads
WHERE checksum = $1
ORDER BY uploaded_at, upload_id
LIMIT 1;
