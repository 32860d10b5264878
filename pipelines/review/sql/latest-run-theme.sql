-- Theme $1 in the latest run, with its revision: none when it is not there (merged away, vanished).
SELECT s.run_id, s.theme_id, s.case_count, t.revision
FROM theme_snapshots s
JOIN themes t ON t.theme_id = s.theme_id
WHERE s.theme_id = $1
  AND s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1);
