SELECT strftime(min(conference_date), '%Y-%m-%d') AS first, strftime(max(conference_date), '%Y-%m-%d') AS last FROM current_cases;
