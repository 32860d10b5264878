-- Issue $1 decided: status $2, merged into theme $3 or set aside for reason $4, at $5 by $6.
UPDATE raised_issues SET status = $2, theme_id = $3, reason = $4, decided_at = $5::TIMESTAMP, decided_by = $6 WHERE issue_id = $1;
