-- What the latest run's figures rest on: the run, the last merge, split or correction of its themes,
-- and the uploads (a later upload can change a case the run holds). Figures cached under
-- one basis are never served under another.
SELECT (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1) AS run_id,
       (SELECT max(seq) FROM theme_history WHERE action IN ('merge', 'split', 'move', 'take_out', 'pin', 'undo'))::VARCHAR AS review_seq,
       (SELECT count(*) FROM uploads)::VARCHAR AS uploads;
