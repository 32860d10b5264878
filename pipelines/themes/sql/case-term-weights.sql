-- Each current case's terms weighted by field and IDF: Σ over fields of the field's weight
-- × occurrences, times ln(cases / cases with the term). Fields weigh $1 consultation,
-- $2 problem, $3 support, $4 regional_note; terms in more than the share $5 of all cases,
-- or in fewer than $6 cases, are left out.
-- The entries of the sparse matrix, numbered here so that no record id or term need be read
-- per entry: `row` is the case's place in record-id order (case-rows.sql), `col` the term's
-- column, numbered in the order terms first appear reading the cases in record-id order and
-- each case's terms in term order. `first_term` names the term at that first appearance only,
-- and `entries` counts them all.
WITH numbered AS (
  SELECT record_id, version, (row_number() OVER (ORDER BY record_id) - 1)::INTEGER AS row
  FROM current_cases
),
weighted AS (
  SELECT n.row, t.term,
         sum(CASE t.field
               WHEN 'consultation' THEN $1
               WHEN 'problem' THEN $2
               WHEN 'support' THEN $3
               WHEN 'regional_note' THEN $4
             END) AS tf
  FROM case_terms t
  JOIN numbered n ON n.record_id = t.record_id AND n.version = t.version
  GROUP BY n.row, t.term
),
df AS (SELECT term, count(*) AS documents FROM weighted WHERE tf > 0 GROUP BY term),
totals AS (SELECT count(*) AS cases FROM current_cases),
kept AS (
  SELECT w.row, w.term, (w.tf * ln(t.cases / d.documents))::DOUBLE AS weight
  FROM weighted w
  JOIN df d ON d.term = w.term
  CROSS JOIN totals t
  WHERE w.tf > 0 AND d.documents <= $5 * t.cases AND d.documents >= $6
),
vocabulary AS (
  SELECT term,
         min(row) AS first_row,
         (row_number() OVER (ORDER BY min(row), term) - 1)::INTEGER AS col,
         row_number() OVER (ORDER BY term) AS term_order
  FROM kept
  GROUP BY term
)
SELECT k.row, c.col, k.weight, CASE WHEN k.row = c.first_row THEN k.term END AS first_term, count(*) OVER () AS entries
FROM kept k
JOIN vocabulary c ON c.term = k.term
ORDER BY k.row, c.term_order;
