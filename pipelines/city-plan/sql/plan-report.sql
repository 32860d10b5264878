-- Per item of the city's plan, in its order, each linked theme (not merged away) with its
-- name, status, subcommittee and the council's notes and conclusions; items without a theme
-- too.
SELECT p.number, p.heading, t.theme_id, coalesce(t.council_name, s.label, t.theme_id) AS name, t.status, t.subcommittee, t.notes
FROM plan_items p
LEFT JOIN theme_plan_items l ON l.number = p.number
LEFT JOIN themes t ON t.theme_id = l.theme_id AND t.merged_into IS NULL
LEFT JOIN theme_snapshots s ON s.theme_id = t.theme_id
  AND s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)
ORDER BY p.position, t.theme_id NULLS FIRST;
