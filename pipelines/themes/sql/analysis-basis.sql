-- What an analysis is planned on, read again when it stores: the latest run, the meeting's
-- last merge, split or correction (which change that run's themes), and the first upload
-- (which changes when the demo is cleared). Another value means the plan is stale.
SELECT (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1) AS run_id,
       (SELECT max(seq) FROM theme_history WHERE action IN ('merge', 'split', 'move', 'take_out', 'pin', 'undo'))::VARCHAR AS review_seq,
       (SELECT min(upload_id) FROM uploads) AS first_upload;
