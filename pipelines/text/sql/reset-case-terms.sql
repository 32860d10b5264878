-- The dictionary or options changed: every term is found again.
DELETE FROM case_terms;
