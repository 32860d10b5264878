-- The cases of theme $2 in run $1: its own members nearest the centre first, then the cases
-- of other themes that touch it second (副). Each with its facts; how much better it fits
-- this theme than its nearest other one (margin: small = the meeting should look); the
-- theme's distinctive terms and concepts it shares (why it is here); and whether the
-- meeting fixed it here.
WITH members AS (
  SELECT record_id, version, similarity, runner_up AS other_theme, similarity - coalesce(runner_up_similarity, 0) AS margin, '主' AS role
  FROM theme_members WHERE run_id = $1 AND theme_id = $2
  UNION ALL
  SELECT record_id, version, runner_up_similarity, theme_id, runner_up_similarity - similarity, '副'
  FROM theme_members WHERE run_id = $1 AND runner_up = $2 AND second
),
shared AS (
  SELECT record_id, array_to_string(list(term ORDER BY weight DESC, term)[1:5], '、') AS terms
  FROM (
    SELECT DISTINCT x.record_id, tt.term, tt.weight
    FROM members x
    JOIN case_terms ct ON ct.record_id = x.record_id AND ct.version = x.version
    JOIN theme_terms tt ON tt.run_id = $1 AND tt.theme_id = $2 AND tt.term = ct.term AND tt.weight > 0
  )
  GROUP BY record_id
),
fixed AS (
  SELECT DISTINCT cc.record_id
  FROM correction_cases cc JOIN corrections k ON k.correction_id = cc.correction_id
  WHERE k.undone_at IS NULL AND cc.to_theme = $2
)
SELECT x.record_id, strftime(c.conference_date, '%Y-%m-%d') AS conference_date, c.agency_code, c.area,
       c.disability_type, c.age_band, x.similarity, x.role, x.other_theme, x.margin,
       coalesce(s.terms, '') AS shared_terms, f.record_id IS NOT NULL AS fixed
FROM members x
JOIN cases c ON c.record_id = x.record_id AND c.version = x.version
LEFT JOIN shared s ON s.record_id = x.record_id
LEFT JOIN fixed f ON f.record_id = x.record_id
ORDER BY x.role, x.similarity DESC, x.record_id;
