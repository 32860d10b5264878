-- Each current case's terms weighted by TF-IDF (tf × ln(cases / cases with the term)),
-- leaving out terms in more than the share $1 of all cases.
WITH df AS (SELECT term, count(*) AS documents FROM current_term_counts GROUP BY term),
totals AS (SELECT count(*) AS cases FROM current_cases)
SELECT p.record_id, p.term, p.tf::INTEGER AS tf, d.documents::INTEGER AS documents,
       (p.tf * ln(t.cases / d.documents))::DOUBLE AS tfidf
FROM current_term_counts p
JOIN df d ON d.term = p.term
CROSS JOIN totals t
WHERE d.documents <= $1 * t.cases
ORDER BY p.record_id, tfidf DESC, p.term;
