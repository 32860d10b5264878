-- Frequency list over the current cases: occurrences, cases containing the term, and the
-- term's TF-IDF summed over cases. Terms in more than the share $1 of all cases are
-- boilerplate and left out; $2 limits the list.
WITH per_case AS (
  SELECT t.record_id, t.term, count(*) AS tf
  FROM case_terms t
  JOIN current_cases c ON c.record_id = t.record_id AND c.version = t.version
  GROUP BY t.record_id, t.term
),
df AS (SELECT term, count(*) AS documents FROM per_case GROUP BY term),
totals AS (SELECT count(*) AS cases FROM current_cases)
SELECT p.term,
       sum(p.tf)::INTEGER AS frequency,
       d.documents::INTEGER AS documents,
       sum(p.tf * ln(t.cases / d.documents))::DOUBLE AS tfidf
FROM per_case p
JOIN df d ON d.term = p.term
CROSS JOIN totals t
WHERE d.documents <= $1 * t.cases
GROUP BY p.term, d.documents, t.cases
ORDER BY frequency DESC, documents DESC, p.term
LIMIT $2;
