INSERT INTO raised_issues (issue_id, raised_by, user_id, title, description, evidence, raised_on, status)
VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, '提出');
