SELECT upload_id, file_name, encoding, rows, accepted, skipped, rejected FROM uploads WHERE upload_id = $1;
