-- The themes referred to subcommittee $1 (by the council's decision), with their status,
-- plan, the latest progress note or report and how many reports; overdue against day $2:
-- the plan's end passed before the theme went to the plenary, or the next report's date
-- passed with no report since.
SELECT * FROM (
SELECT t.theme_id, coalesce(t.council_name, s.label, t.theme_id) AS name, t.status,
       p.studies, strftime(p.due, '%Y-%m-%d') AS due, strftime(p.next_report, '%Y-%m-%d') AS next_report,
       (SELECT g.text FROM theme_progress g WHERE g.theme_id = t.theme_id ORDER BY g.noted_on DESC, g.seq DESC LIMIT 1) AS latest,
       (SELECT strftime(max(g.noted_on), '%Y-%m-%d') FROM theme_progress g WHERE g.theme_id = t.theme_id) AS latest_on,
       (SELECT count(*) FROM theme_progress g WHERE g.theme_id = t.theme_id AND g.kind = 'report')::INTEGER AS reports,
       coalesce(p.due < $2::DATE AND t.status IN ('部会へ依頼', '協議中'), false) AS due_passed,
       coalesce(p.next_report < $2::DATE AND NOT EXISTS (
         SELECT 1 FROM theme_progress g WHERE g.theme_id = t.theme_id AND g.kind = 'report' AND g.noted_on >= p.next_report
       ) AND t.status IN ('部会へ依頼', '協議中'), false) AS report_late
FROM themes t
LEFT JOIN theme_snapshots s ON s.theme_id = t.theme_id
  AND s.run_id = (SELECT run_id FROM analysis_runs ORDER BY finished_at DESC, run_id DESC LIMIT 1)
LEFT JOIN theme_plans p ON p.theme_id = t.theme_id
WHERE t.subcommittee = $1 AND t.merged_into IS NULL AND t.status IN ('部会へ依頼', '協議中', '全体会報告', '提言済')
)
ORDER BY (due_passed OR report_late) DESC, due NULLS LAST, theme_id;
