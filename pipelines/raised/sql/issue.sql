SELECT issue_id, status FROM raised_issues WHERE issue_id = $1;
