-- Terms found only as verbs or adjectives (見つかる, 少ない): they help group cases but
-- make poor labels.
SELECT term FROM case_terms GROUP BY term HAVING bool_and(kind = 'predicate') ORDER BY term;
