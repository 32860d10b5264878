-- Each current case's terms weighted by field and IDF: Σ over fields of the field's weight
-- × occurrences, times ln(cases / cases with the term). Fields weigh $1 consultation,
-- $2 problem, $3 support, $4 regional_note; terms in more than the share $5 of all cases,
-- or in fewer than $6 cases, are left out.
WITH weighted AS (
  SELECT t.record_id, t.term,
         sum(CASE t.field
               WHEN 'consultation' THEN $1
               WHEN 'problem' THEN $2
               WHEN 'support' THEN $3
               WHEN 'regional_note' THEN $4
             END) AS tf
  FROM case_terms t
  JOIN current_cases c ON c.record_id = t.record_id AND c.version = t.version
  GROUP BY t.record_id, t.term
),
df AS (SELECT term, count(*) AS documents FROM weighted WHERE tf > 0 GROUP BY term),
totals AS (SELECT count(*) AS cases FROM current_cases)
SELECT w.record_id, w.term, (w.tf * ln(t.cases / d.documents))::DOUBLE AS weight
FROM weighted w
JOIN df d ON d.term = w.term
CROSS JOIN totals t
WHERE w.tf > 0 AND d.documents <= $5 * t.cases AND d.documents >= $6
ORDER BY w.record_id, w.term;
