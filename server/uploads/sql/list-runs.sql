SELECT run_id, strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%S') AS finished_at, cases, method
FROM analysis_runs
ORDER BY finished_at DESC, run_id DESC;
