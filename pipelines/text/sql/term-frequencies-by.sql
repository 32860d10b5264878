-- The top $2 terms (as in term-frequencies.sql, share limit $1) crossed with one facet of
-- the cases: $3 is 地区, 障害種別, 年齢層 or 月 (YYYY-MM of the conference date).
WITH cases AS (
  SELECT record_id, version,
         CASE $3
           WHEN '地区' THEN coalesce(area, '（未記入）')
           WHEN '障害種別' THEN disability_type
           WHEN '年齢層' THEN age_band
           WHEN '月' THEN strftime(conference_date, '%Y-%m')
         END AS facet
  FROM current_cases
),
per_case AS (
  SELECT t.record_id, c.facet, t.term, count(*) AS tf
  FROM case_terms t
  JOIN cases c ON c.record_id = t.record_id AND c.version = t.version
  GROUP BY t.record_id, c.facet, t.term
),
top AS (
  SELECT term, sum(tf) AS frequency, count(*) AS documents
  FROM per_case
  GROUP BY term
  HAVING count(*) <= $1 * (SELECT count(*) FROM cases)
  ORDER BY frequency DESC, documents DESC, term
  LIMIT $2
)
SELECT p.term, p.facet, sum(p.tf)::INTEGER AS frequency, count(*)::INTEGER AS documents
FROM per_case p
JOIN top USING (term)
GROUP BY p.term, p.facet, top.frequency, top.documents
ORDER BY top.frequency DESC, top.documents DESC, p.term, p.facet;
