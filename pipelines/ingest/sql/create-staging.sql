-- Holds one upload's valid records, shaped like cases, until they are compared with
-- what is stored.
CREATE OR REPLACE TEMP TABLE ingest_staging AS
SELECT record_id, line, conference_date, agency_code, area, disability_type, age_band,
       consultation, problem, support, regional_note, content_hash
FROM cases
LIMIT 0;
