INSERT INTO jobs (job_id, kind, user_id, file_name, state, started_at) VALUES ($1, $2, $3, $4, 'running', $5::TIMESTAMP);
