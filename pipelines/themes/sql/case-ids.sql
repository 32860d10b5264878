SELECT record_id FROM current_cases ORDER BY record_id;
