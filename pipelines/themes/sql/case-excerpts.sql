-- The stored (masked) text of the cases listed in $1: 課題, or 相談内容 when 課題 is empty.
SELECT c.record_id, coalesce(nullif(c.problem, ''), c.consultation, '') AS text
FROM current_cases c
WHERE c.record_id IN (SELECT unnest($1))
ORDER BY c.record_id;
