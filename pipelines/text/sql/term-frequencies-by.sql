-- The top $2 terms (as in term-frequencies.sql, share limit $1) crossed with one facet of
-- the cases: $3 is 地区, 障害種別, 年齢層 or 月 (YYYY-MM of the conference date).
WITH facets AS (
  SELECT record_id,
         case_facet($3, area, disability_type, age_band, conference_date) AS facet
  FROM current_cases
),
top AS (
  SELECT term, sum(tf) AS frequency, count(*) AS documents
  FROM current_term_counts
  GROUP BY term
  HAVING count(*) <= $1 * (SELECT count(*) FROM facets)
  ORDER BY frequency DESC, documents DESC, term
  LIMIT $2
)
SELECT p.term, f.facet, sum(p.tf)::INTEGER AS frequency, count(*)::INTEGER AS documents
FROM current_term_counts p
JOIN top USING (term)
JOIN facets f ON f.record_id = p.record_id
GROUP BY p.term, f.facet, top.frequency, top.documents
ORDER BY top.frequency DESC, top.documents DESC, p.term, f.facet;
