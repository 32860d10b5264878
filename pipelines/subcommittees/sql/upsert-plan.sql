INSERT INTO theme_plans (theme_id, studies, due, next_report, updated_at, updated_by)
VALUES ($1, $2, $3::DATE, $4::DATE, $5::TIMESTAMP, $6)
ON CONFLICT (theme_id) DO UPDATE SET studies = excluded.studies, due = excluded.due, next_report = excluded.next_report,
  updated_at = excluded.updated_at, updated_by = excluded.updated_by;
