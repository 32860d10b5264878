-- Concepts found by the thesaurus (kind 'concept') help group cases, but they are not words
-- of the text: frequency lists, facets and co-occurrence count the words alone.
CREATE OR REPLACE VIEW current_term_counts AS
SELECT t.record_id, t.term, count(*) AS tf
FROM case_terms t
JOIN current_cases c ON c.record_id = t.record_id AND c.version = t.version
WHERE t.kind <> 'concept'
GROUP BY t.record_id, t.term;
