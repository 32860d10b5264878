-- The meeting's corrections of which cases belong together: a case moved to another
-- theme, taken out as 個別の事情, or pinned where it is, and the merges and splits of
-- themes. Every later analysis honours them until the correction is undone.
CREATE SEQUENCE correction_seq;
CREATE TABLE corrections (
  correction_id BIGINT PRIMARY KEY DEFAULT nextval('correction_seq'),
  kind          VARCHAR NOT NULL,
  -- The theme the meeting acted from (for a merge, the theme merged away).
  theme_id      VARCHAR,
  made_at       TIMESTAMP NOT NULL,
  user_id       VARCHAR NOT NULL,
  undone_at     TIMESTAMP,
  undone_by     VARCHAR
);

-- Each case a correction fixes: where it was, and the theme it must be in (null: taken
-- out of every theme). The latest correction of a case that is not undone holds.
CREATE TABLE correction_cases (
  correction_id BIGINT NOT NULL,
  record_id     VARCHAR NOT NULL,
  from_theme    VARCHAR,
  to_theme      VARCHAR,
  PRIMARY KEY (correction_id, record_id)
);
