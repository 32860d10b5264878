-- What staff wrote of each current case's wall: its 課題 and 地域課題メモ (masked as stored).
SELECT record_id, concat_ws(' ', nullif(problem, ''), nullif(regional_note, '')) AS text
FROM current_cases
WHERE coalesce(problem, '') <> '' OR coalesce(regional_note, '') <> ''
ORDER BY record_id;
