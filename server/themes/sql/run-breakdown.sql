-- Cases of every theme of run $1 by one facet ($2: 地区, 障害種別, 年齢層 or 月).
SELECT m.theme_id,
       CASE $2
         WHEN '地区' THEN coalesce(c.area, '（未記入）')
         WHEN '障害種別' THEN c.disability_type
         WHEN '年齢層' THEN c.age_band
         WHEN '月' THEN strftime(c.conference_date, '%Y-%m')
       END AS value,
       count(*)::INTEGER AS cases
FROM theme_members m
JOIN cases c ON c.record_id = m.record_id AND c.version = m.version
WHERE m.run_id = $1
GROUP BY m.theme_id, value
ORDER BY m.theme_id, value;
