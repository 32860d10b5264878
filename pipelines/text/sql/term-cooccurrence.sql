-- Co-occurrence of the top $1 terms by cases (share limit $2), as KH Coder's network
-- draws it: for each pair, cases with both and the Jaccard coefficient
-- |A ∩ B| / |A ∪ B|; the $3 strongest pairs.
WITH docs AS (SELECT record_id, term FROM current_term_counts),
top AS (
  SELECT term, count(*) AS documents
  FROM docs
  GROUP BY term
  HAVING count(*) <= $2 * (SELECT count(*) FROM current_cases)
  ORDER BY documents DESC, term
  LIMIT $1
),
top_docs AS (SELECT d.record_id, d.term FROM docs d JOIN top USING (term)),
pairs AS (
  SELECT a.term AS a, b.term AS b, count(*) AS together
  FROM top_docs a
  JOIN top_docs b ON a.record_id = b.record_id AND a.term < b.term
  GROUP BY a.term, b.term
)
SELECT p.a, p.b, p.together::INTEGER AS together, ta.documents::INTEGER AS a_documents,
       tb.documents::INTEGER AS b_documents,
       (p.together / (ta.documents + tb.documents - p.together))::DOUBLE AS jaccard
FROM pairs p
JOIN top ta ON ta.term = p.a
JOIN top tb ON tb.term = p.b
ORDER BY jaccard DESC, together DESC, p.a, p.b
LIMIT $3;
