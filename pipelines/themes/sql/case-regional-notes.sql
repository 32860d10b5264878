-- Current cases whose 地域課題メモ is written: staff saw a regional side to them.
SELECT record_id
FROM current_cases
WHERE nullif(trim(regional_note), '') IS NOT NULL
ORDER BY record_id;
