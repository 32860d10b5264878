-- Which of the words $1 (one per line) are terms of the current cases, and whether each
-- is found in at least $2 cases and in the cases of at least $3 agencies (a case without
-- 事業所コード vouches for no agency). A word that is no term is not listed.
WITH wanted AS (SELECT DISTINCT unnest(string_split($1, chr(10))) AS term)
SELECT p.term, (count(*) >= $2 AND count(DISTINCT c.agency_code) >= $3) AS shown
FROM current_term_counts p
JOIN wanted w ON w.term = p.term
JOIN current_cases c ON c.record_id = p.record_id
GROUP BY p.term
ORDER BY p.term;
