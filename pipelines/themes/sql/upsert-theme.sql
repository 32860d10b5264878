-- A theme seen in run $2: new ones are created, known ones seen again (and no longer vanished).
INSERT INTO themes (theme_id, guided_name, first_run, last_run)
VALUES ($1, $3, $2, $2)
ON CONFLICT (theme_id) DO UPDATE SET last_run = excluded.last_run, vanished_run = NULL, guided_name = excluded.guided_name;
