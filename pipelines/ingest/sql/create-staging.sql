-- Holds one upload's valid records until they are compared with what is stored.
CREATE OR REPLACE TEMP TABLE ingest_staging (
  record_id       VARCHAR NOT NULL,
  line            INTEGER NOT NULL,
  conference_date DATE NOT NULL,
  agency_code     VARCHAR,
  area            VARCHAR,
  disability_type VARCHAR NOT NULL,
  age_band        VARCHAR NOT NULL,
  consultation    VARCHAR,
  problem         VARCHAR,
  support         VARCHAR,
  regional_note   VARCHAR,
  content_hash    VARCHAR NOT NULL
);
