-- The rows of the case matrix: each current case in record-id order, and whether its
-- 地域課題メモ is written (staff saw a regional side to it).
SELECT record_id, nullif(trim(regional_note), '') IS NOT NULL AS noted
FROM current_cases
ORDER BY record_id;
