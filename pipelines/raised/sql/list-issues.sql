-- The raised issues, the undecided first then the latest, with the theme each was merged into
-- and that theme's status and subcommittee now; only user $1's when $2.
SELECT r.issue_id, r.raised_by, r.title, r.description, r.evidence, strftime(r.raised_on, '%Y-%m-%d') AS raised_on,
       r.status, r.theme_id, r.reason, strftime(r.decided_at, '%Y-%m-%d') AS decided_on,
       coalesce(t.council_name, s.label) AS theme_name, t.status AS theme_status, t.subcommittee AS theme_subcommittee
FROM raised_issues r
LEFT JOIN themes t ON t.theme_id = r.theme_id
LEFT JOIN theme_snapshots s ON s.theme_id = r.theme_id
  AND s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)
WHERE NOT $2 OR r.user_id = $1
ORDER BY r.status = '提出' DESC, r.raised_on DESC, r.issue_id DESC;
