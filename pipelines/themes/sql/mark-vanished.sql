-- Themes of earlier runs that run $1 did not find again: marked, never deleted.
UPDATE themes SET vanished_run = $1 WHERE last_run <> $1 AND vanished_run IS NULL;
