-- The stored (masked) text of the cases listed in temp.excerpt_ids: 課題, or 相談内容 when
-- 課題 is empty.
SELECT c.record_id, coalesce(nullif(c.problem, ''), c.consultation, '') AS text
FROM current_cases c
JOIN temp.excerpt_ids e ON e.record_id = c.record_id
ORDER BY c.record_id;
