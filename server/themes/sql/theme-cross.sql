-- Cases of theme $2 in run $1 by 地区 × 障害種別, for the detail's heatmap.
SELECT case_facet('地区', c.area, c.disability_type, c.age_band, c.conference_date) AS area,
       c.disability_type,
       count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2
GROUP BY ALL
ORDER BY area, c.disability_type;
