-- Whatever an earlier update stored for the same case versions gives way to this one's.
DELETE FROM case_terms t USING temp.indexing_pairs p WHERE t.record_id = p.record_id AND t.version = p.version;
DELETE FROM indexed_cases i USING temp.indexing_pairs p WHERE i.record_id = p.record_id AND i.version = p.version;
