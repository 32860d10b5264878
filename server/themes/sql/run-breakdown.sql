-- Cases of every theme of run $1 by one facet ($2: 地区, 障害種別, 年齢層 or 月).
SELECT m.theme_id,
       case_facet($2, c.area, c.disability_type, c.age_band, c.conference_date) AS value,
       count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1
GROUP BY m.theme_id, value
ORDER BY m.theme_id, value;
