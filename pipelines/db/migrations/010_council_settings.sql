-- The council settings the secretariat saved through the server; used from then on.
CREATE TABLE council_settings (
  id         INTEGER PRIMARY KEY,
  settings   VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  updated_by VARCHAR
);
