-- Every decision the council makes about a theme: who, when, what it was before and after.
CREATE SEQUENCE theme_history_seq;
CREATE TABLE theme_history (
  seq          BIGINT PRIMARY KEY DEFAULT nextval('theme_history_seq'),
  theme_id     VARCHAR NOT NULL,
  changed_at   TIMESTAMP NOT NULL,
  user_id      VARCHAR NOT NULL,
  action       VARCHAR NOT NULL,
  before_value VARCHAR,
  after_value  VARCHAR
);

-- Who uploaded a file through the server (null for the command line).
ALTER TABLE uploads ADD COLUMN uploaded_by VARCHAR;
