-- The highest meeting number given so far (M-0007 → 7), 0 before the first.
SELECT coalesce(max(CAST(substr(meeting_id, 3) AS INTEGER)), 0) AS n FROM meetings;
