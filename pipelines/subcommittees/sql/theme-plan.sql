-- Theme $1's plan and its progress notes and reports, oldest first.
SELECT p.studies, strftime(p.due, '%Y-%m-%d') AS due, strftime(p.next_report, '%Y-%m-%d') AS next_report,
       strftime(p.updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at
FROM theme_plans p WHERE p.theme_id = $1;
