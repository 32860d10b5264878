-- The standing correction of case $1 (the latest not undone): its id and the theme it fixes the case to.
SELECT cc.correction_id, cc.to_theme
FROM correction_cases cc JOIN corrections c ON c.correction_id = cc.correction_id
WHERE cc.record_id = $1 AND c.undone_at IS NULL
ORDER BY cc.correction_id DESC LIMIT 1;
