-- Correction $1 is undone by user $3 at $2: every later analysis forgets it.
UPDATE corrections SET undone_at = $2::TIMESTAMP, undone_by = $3 WHERE correction_id = $1;
