-- The cases of theme $2 in run $1: its own members nearest the centre first, then the cases
-- of other themes that touch it second (副). Each with its facts; for its least certain
-- members, how much better each fits this theme than its nearest other one (margin: small
-- = the meeting should look; null for the members that fit clearly); the
-- theme's distinctive terms and concepts it shares (why it is here); and whether the
-- meeting fixed it here.
WITH members AS (
  SELECT m.record_id, m.version, m.similarity, r.other_theme, m.similarity - r.other_similarity AS margin, '主' AS role
  FROM theme_members m
  LEFT JOIN member_reviews r ON r.run_id = m.run_id AND r.record_id = m.record_id
  WHERE m.run_id = $1 AND m.theme_id = $2
  UNION ALL
  SELECT m.record_id, m.version, r.other_similarity, m.theme_id, r.other_similarity - m.similarity, '副'
  FROM member_reviews r
  JOIN theme_members m ON m.run_id = r.run_id AND m.record_id = r.record_id
  WHERE r.run_id = $1 AND r.other_theme = $2 AND r.second
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
