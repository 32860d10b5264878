-- What recurrence is measured from: each current case's date, agency and area.
SELECT record_id, version, strftime(conference_date, '%Y-%m-%d') AS conference_date, agency_code, area
FROM current_cases
ORDER BY record_id;
