-- The cases of theme $2 in run $1, counted by one facet: $3 is 地区, 障害種別, 年齢層 or 月.
SELECT case_facet($3, c.area, c.disability_type, c.age_band, c.conference_date) AS value,
       count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2
GROUP BY value
ORDER BY value;
