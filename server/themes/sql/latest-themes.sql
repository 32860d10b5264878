-- The themes of the latest run with what the council decided about them, ranked (by their
-- own cases), each with the broad area (the upper level) the run put it in and how many
-- cases of other themes touch it second.
SELECT s.theme_id, coalesce(t.council_name, s.label) AS name, s.label, t.status, t.subcommittee, t.revision,
       s.suggested_subcommittee, s.routing_reason, s.routing_confidence, s.case_count, s.org_count, s.area_count,
       s.period_count, strftime(s.first_seen, '%Y-%m-%d') AS first_seen, strftime(s.last_seen, '%Y-%m-%d') AS last_seen,
       s.trend, s.score, t.guided_name IS NOT NULL AS guided, s.run_id,
       s.issue_area, a.label AS issue_area_label, a.position AS issue_area_position, s.label_terms,
       (SELECT count(*) FROM member_reviews r WHERE r.run_id = s.run_id AND r.other_theme = s.theme_id AND r.second)::INTEGER AS secondary_count
FROM theme_snapshots s
JOIN themes t ON t.theme_id = s.theme_id
LEFT JOIN run_issue_areas a ON a.run_id = s.run_id AND a.area_id = s.issue_area
WHERE s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)
ORDER BY s.score DESC, s.theme_id;
