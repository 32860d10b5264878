-- The council's meetings (調整会議, 専門部会, 全体会 …): when, of which kind, for a 専門部会
-- which subcommittee, and the agenda chosen for it — themes, or items in words. A decision
-- taken in a meeting names it, so a theme's history reads as the council's minutes.
CREATE TABLE meetings (
  meeting_id   VARCHAR PRIMARY KEY,
  kind         VARCHAR NOT NULL,
  held_on      DATE NOT NULL,
  subcommittee VARCHAR,
  title        VARCHAR NOT NULL,
  -- Its papers are public: every count suppressed, no excerpt (always so for the 全体会).
  public       BOOLEAN NOT NULL,
  created_at   TIMESTAMP NOT NULL,
  created_by   VARCHAR NOT NULL
);

CREATE TABLE meeting_agenda (
  meeting_id VARCHAR NOT NULL,
  position   INTEGER NOT NULL,
  theme_id   VARCHAR,
  item       VARCHAR,
  question   VARCHAR,
  PRIMARY KEY (meeting_id, position)
);

ALTER TABLE theme_history ADD COLUMN meeting_id VARCHAR;
