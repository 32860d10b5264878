-- The cases of theme $2 in run $1, counted by one facet: $3 is 地区, 障害種別, 年齢層 or 月.
SELECT CASE $3
         WHEN '地区' THEN coalesce(c.area, '（未記入）')
         WHEN '障害種別' THEN c.disability_type
         WHEN '年齢層' THEN c.age_band
         WHEN '月' THEN strftime(c.conference_date, '%Y-%m')
       END AS value,
       count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1 AND m.theme_id = $2
GROUP BY value
ORDER BY value;
