-- Terms of the current case versions, counted per case: what every term statistic
-- (frequency lists, facets, TF-IDF, co-occurrence) starts from.
CREATE VIEW current_term_counts AS
SELECT t.record_id, t.term, count(*) AS tf
FROM case_terms t
JOIN current_cases c ON c.record_id = t.record_id AND c.version = t.version
GROUP BY t.record_id, t.term;
