-- The new theme of a split starts as a candidate, remembering where it came from.
INSERT INTO themes (theme_id, first_run, last_run, notes) VALUES ($1, $2, $2, $3);
