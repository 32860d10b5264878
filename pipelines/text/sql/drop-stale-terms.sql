-- Terms of versions that are no longer current.
DELETE FROM case_terms t
WHERE NOT EXISTS (SELECT 1 FROM current_cases c WHERE c.record_id = t.record_id AND c.version = t.version);
