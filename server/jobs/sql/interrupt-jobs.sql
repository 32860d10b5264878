-- Jobs still running when the server starts were cut short by its stopping: their work
-- was never committed, so they failed. $1 is the time, $2 and $3 the messages for an
-- upload and for an analysis.
UPDATE jobs
SET state = 'failed', finished_at = $1::TIMESTAMP, error_code = 'interrupted',
    error_message = CASE kind WHEN 'upload' THEN $2 ELSE $3 END
WHERE state = 'running';
