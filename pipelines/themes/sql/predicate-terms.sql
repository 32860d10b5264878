-- Terms never used in a label: those found only as verbs or adjectives (見つかる, 少ない),
-- which help group cases but make poor labels, and the thesaurus's concepts (〔短期入所〕),
-- which are not words of the text.
SELECT term FROM case_terms GROUP BY term HAVING bool_and(kind IN ('predicate', 'concept')) ORDER BY term;
