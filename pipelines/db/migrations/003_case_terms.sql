-- Terms found in each stored case version, with where they stand in the stored (masked)
-- text (UTF-16 offsets), so that frequency lists and KWIC come from one table.
CREATE TABLE case_terms (
  record_id VARCHAR NOT NULL,
  version   INTEGER NOT NULL,
  field     VARCHAR NOT NULL,
  term      VARCHAR NOT NULL,
  kind      VARCHAR NOT NULL,
  start_pos INTEGER NOT NULL,
  end_pos   INTEGER NOT NULL
);

CREATE INDEX case_terms_record ON case_terms (record_id, version);

-- Case versions whose terms are in case_terms (a case may have none).
CREATE TABLE indexed_cases (
  record_id VARCHAR NOT NULL,
  version   INTEGER NOT NULL,
  PRIMARY KEY (record_id, version)
);

-- The dictionary and options the terms were found with; a change rebuilds them all.
CREATE TABLE term_index_state (
  id            INTEGER PRIMARY KEY,
  settings_hash VARCHAR NOT NULL,
  built_at      TIMESTAMP NOT NULL
);
