-- Case $2 fixed by correction $1: it was in theme $3 (null: unassigned), it must be in $4 (null: taken out).
INSERT INTO correction_cases (correction_id, record_id, from_theme, to_theme) VALUES ($1, $2, $3, $4);
