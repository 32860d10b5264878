-- Correction $1 with its cases: where each was and where it was fixed.
SELECT c.correction_id, c.kind, c.theme_id, c.undone_at, cc.record_id, cc.from_theme, cc.to_theme
FROM corrections c
LEFT JOIN correction_cases cc ON cc.correction_id = c.correction_id
WHERE c.correction_id = $1
ORDER BY cc.record_id;
