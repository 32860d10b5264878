-- Where a term stands in the current cases' stored text, for KWIC: the whole text of
-- the field and the term's span in it, earliest conference first, at most $2.
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
ORDER BY c.conference_date, t.record_id, t.field, t.start_pos
LIMIT $2;
