INSERT INTO indexed_cases SELECT record_id, version FROM temp.indexing_pairs;
DROP TABLE temp.indexing_pairs;
