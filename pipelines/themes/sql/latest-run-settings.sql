SELECT run_id, settings FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1;
