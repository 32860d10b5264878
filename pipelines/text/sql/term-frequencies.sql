-- Frequency list over the current cases: occurrences, cases containing the term, and the
-- term's TF-IDF summed over cases. Terms in more than the share $1 of all cases are
-- boilerplate and left out; $2 limits the list.
WITH df AS (SELECT term, count(*) AS documents FROM current_term_counts GROUP BY term),
totals AS (SELECT count(*) AS cases FROM current_cases)
SELECT p.term,
       sum(p.tf)::INTEGER AS frequency,
       d.documents::INTEGER AS documents,
       sum(p.tf * ln(t.cases / d.documents))::DOUBLE AS tfidf
FROM current_term_counts p
JOIN df d ON d.term = p.term
CROSS JOIN totals t
WHERE d.documents <= $1 * t.cases
GROUP BY p.term, d.documents, t.cases
ORDER BY frequency DESC, documents DESC, p.term
LIMIT $2;
