-- Current case versions that run $1 did not see: new cases, and cases changed since.
SELECT count(*)::INTEGER AS n
FROM current_cases c
WHERE NOT EXISTS (SELECT 1 FROM theme_members m WHERE m.run_id = $1 AND m.record_id = c.record_id AND m.version = c.version)
  AND NOT EXISTS (SELECT 1 FROM run_unassigned u WHERE u.run_id = $1 AND u.record_id = c.record_id);
