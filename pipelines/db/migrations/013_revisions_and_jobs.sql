-- A theme's revision counts the council's changes to it (decisions, merges, splits): a
-- decision names the revision it was made on and is refused when another came first.
ALTER TABLE themes ADD COLUMN revision INTEGER DEFAULT 0;
UPDATE themes SET revision = 0;

-- Uploads and analyses started through the server: a job still `running` when the
-- server starts was interrupted, and whoever follows it is told so.
CREATE TABLE jobs (
  job_id        VARCHAR PRIMARY KEY,
  kind          VARCHAR NOT NULL,
  user_id       VARCHAR NOT NULL,
  file_name     VARCHAR,
  state         VARCHAR NOT NULL,
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP,
  result_ref    VARCHAR,
  result        VARCHAR,
  error_code    VARCHAR,
  error_message VARCHAR
);
