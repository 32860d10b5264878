-- Meeting $1's agenda in order: each theme with its name and status now, or an item in words.
SELECT a.position, a.theme_id, coalesce(t.council_name, s.label) AS theme_name, t.status, a.item, a.question
FROM meeting_agenda a
LEFT JOIN themes t ON t.theme_id = a.theme_id
LEFT JOIN theme_snapshots s ON s.theme_id = a.theme_id
  AND s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)
WHERE a.meeting_id = $1
ORDER BY a.position;
