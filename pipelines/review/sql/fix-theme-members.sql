-- Every case of theme $3 in run $2 fixed by correction $1 to theme $4 (a merge or split: they stay together).
INSERT INTO correction_cases (correction_id, record_id, from_theme, to_theme)
SELECT $1, record_id, theme_id, $4 FROM theme_members WHERE run_id = $2 AND theme_id = $3;
