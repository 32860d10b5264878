-- Co-occurrence of theme $2's distinctive terms (run $1) within its own cases: for each
-- pair, cases with both and the Jaccard coefficient.
WITH members AS (
  SELECT record_id FROM theme_members WHERE run_id = $1 AND theme_id = $2
),
top AS (
  SELECT term FROM theme_terms WHERE run_id = $1 AND theme_id = $2 AND weight > 0 ORDER BY weight DESC, term LIMIT 10
),
docs AS (
  SELECT t.record_id, t.term FROM current_term_counts t JOIN members USING (record_id) JOIN top USING (term)
),
df AS (SELECT term, count(*) AS documents FROM docs GROUP BY term),
pairs AS (
  SELECT a.term AS a, b.term AS b, count(*) AS together
  FROM docs a JOIN docs b ON a.record_id = b.record_id AND a.term < b.term
  GROUP BY a.term, b.term
)
SELECT p.a, p.b, p.together::INTEGER AS together, (p.together / (da.documents + db.documents - p.together))::DOUBLE AS jaccard
FROM pairs p JOIN df da ON da.term = p.a JOIN df db ON db.term = p.b
ORDER BY jaccard DESC, together DESC, p.a, p.b;
