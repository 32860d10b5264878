INSERT OR REPLACE INTO text_names
SELECT DISTINCT ON (text_hash) text_hash, person_names, guard_version FROM temp.names_staging;
