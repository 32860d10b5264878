-- Each current case's standing correction (its latest not undone): the theme it must be
-- in, or null when the meeting took it out of every theme (個別の事情).
SELECT record_id, to_theme FROM (
  SELECT cc.record_id, cc.to_theme, row_number() OVER (PARTITION BY cc.record_id ORDER BY cc.correction_id DESC) AS latest
  FROM correction_cases cc
  JOIN corrections c ON c.correction_id = cc.correction_id
  WHERE c.undone_at IS NULL AND cc.record_id IN (SELECT record_id FROM current_cases)
)
WHERE latest = 1
ORDER BY record_id;
