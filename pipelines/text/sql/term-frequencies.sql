-- Frequency list over the current cases: occurrences, cases containing the term, and the
-- term's TF-IDF summed over cases. Terms in more than the share $1 of all cases are
-- boilerplate and left out, and so are terms found in fewer than $3 cases or in the cases
-- of fewer than $4 agencies (a case without 事業所コード vouches for no agency); $2 limits
-- what is left.
WITH df AS (
  SELECT p.term, count(*) AS documents, count(DISTINCT c.agency_code) AS agencies
  FROM current_term_counts p
  JOIN current_cases c ON c.record_id = p.record_id
  GROUP BY p.term
),
totals AS (SELECT count(*) AS cases FROM current_cases)
SELECT p.term,
       sum(p.tf)::INTEGER AS frequency,
       d.documents::INTEGER AS documents,
       sum(p.tf * ln(t.cases / d.documents))::DOUBLE AS tfidf
FROM current_term_counts p
JOIN df d ON d.term = p.term
CROSS JOIN totals t
WHERE d.documents <= $1 * t.cases AND d.documents >= $3 AND d.agencies >= $4
GROUP BY p.term, d.documents, t.cases
ORDER BY frequency DESC, documents DESC, p.term
LIMIT $2;
