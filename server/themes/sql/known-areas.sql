-- The areas written in the current case records, for the board's area filter.
SELECT DISTINCT area FROM current_cases WHERE area IS NOT NULL ORDER BY area;
