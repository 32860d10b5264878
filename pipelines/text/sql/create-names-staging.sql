CREATE OR REPLACE TEMP TABLE names_staging AS
SELECT text_hash, person_names, guard_version FROM text_names LIMIT 0;
