-- Job $1 ended in state $2 (done or failed) at $3, with what it made ($4: an upload or
-- run id), its summary ($5, JSON) or the error's code and message ($6, $7).
UPDATE jobs SET state = $2, finished_at = $3::TIMESTAMP, result_ref = $4, result = $5, error_code = $6, error_message = $7
WHERE job_id = $1;
