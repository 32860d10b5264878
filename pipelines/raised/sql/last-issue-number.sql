SELECT coalesce(max(CAST(substr(issue_id, 3) AS INTEGER)), 0) AS n FROM raised_issues;
