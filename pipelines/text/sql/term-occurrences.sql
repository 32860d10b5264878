-- Where a term stands in the current cases' stored text, for KWIC: the whole text of
-- the field and the term's span in it, earliest conference first, at most $2; only in
-- the cases of theme $4 of run $3 when those are given.
SELECT t.record_id, t.field, t.start_pos, t.end_pos,
       strftime(c.conference_date, '%Y-%m-%d') AS conference_date,
       CASE t.field
         WHEN 'consultation' THEN c.consultation
         WHEN 'problem' THEN c.problem
         WHEN 'support' THEN c.support
         WHEN 'regional_note' THEN c.regional_note
       END AS text
FROM case_terms t
JOIN current_cases c ON c.record_id = t.record_id AND c.version = t.version
WHERE t.term = $1
  AND ($3::VARCHAR IS NULL OR t.record_id IN (SELECT record_id FROM theme_members WHERE run_id = $3 AND theme_id = $4))
ORDER BY c.conference_date, t.record_id, t.field, t.start_pos
LIMIT $2;
