-- Themes of run $1 with at least one case matching the filters (a null filter matches
-- all): 地区 $2, 障害種別 $3, 年齢層 $4, conference month from $5 to $6 (YYYY-MM).
SELECT DISTINCT m.theme_id
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1
  AND ($2::VARCHAR IS NULL OR c.area = $2)
  AND ($3::VARCHAR IS NULL OR c.disability_type = $3)
  AND ($4::VARCHAR IS NULL OR c.age_band = $4)
  AND ($5::VARCHAR IS NULL OR strftime(c.conference_date, '%Y-%m') >= $5)
  AND ($6::VARCHAR IS NULL OR strftime(c.conference_date, '%Y-%m') <= $6);
