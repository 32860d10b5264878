-- The highest number given to a theme so far (ids are T-0001, T-0002, …).
SELECT coalesce(max(CAST(substr(theme_id, 3) AS INTEGER)), 0) AS n FROM themes;
