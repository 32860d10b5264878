-- Uploads, versioned case records and what ingest said about each upload.
CREATE TABLE uploads (
  upload_id   VARCHAR PRIMARY KEY,
  file_name   VARCHAR NOT NULL,
  checksum    VARCHAR NOT NULL,
  encoding    VARCHAR NOT NULL,
  pii_mode    VARCHAR NOT NULL,
  council     VARCHAR NOT NULL,
  rows        INTEGER NOT NULL,
  accepted    INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  uploaded_at TIMESTAMP NOT NULL
);

CREATE INDEX uploads_checksum ON uploads (checksum);

-- Every stored version of every record; a changed record gets a new version and the
-- old one stays. Text columns hold the masked text only.
CREATE TABLE cases (
  record_id       VARCHAR NOT NULL,
  version         INTEGER NOT NULL,
  upload_id       VARCHAR NOT NULL,
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
  content_hash    VARCHAR NOT NULL,
  PRIMARY KEY (record_id, version)
);

CREATE VIEW current_cases AS
SELECT *
FROM cases
QUALIFY row_number() OVER (PARTITION BY record_id ORDER BY version DESC) = 1;

CREATE TABLE ingest_issues (
  upload_id   VARCHAR NOT NULL,
  seq         INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  record_id   VARCHAR,
  column_name VARCHAR,
  severity    VARCHAR NOT NULL,
  code        VARCHAR NOT NULL,
  message     VARCHAR NOT NULL,
  PRIMARY KEY (upload_id, seq)
);

-- Where personal information was found; never the information itself.
CREATE TABLE pii_findings (
  upload_id   VARCHAR NOT NULL,
  seq         INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  record_id   VARCHAR,
  column_name VARCHAR NOT NULL,
  kind        VARCHAR NOT NULL,
  action      VARCHAR NOT NULL,
  PRIMARY KEY (upload_id, seq)
);
