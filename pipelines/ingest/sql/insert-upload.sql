INSERT INTO uploads (upload_id, file_name, checksum, encoding, pii_mode, council, rows, accepted, skipped, rejected, uploaded_at, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::TIMESTAMP, $12);
