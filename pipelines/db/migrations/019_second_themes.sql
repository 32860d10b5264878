-- What the meeting reviews first, per run: each theme's least certain members (those that fit
-- it least better than their nearest other theme) and every case that touches a theme
-- second, with that other theme; and for each unassigned case, the theme it comes nearest.
-- Only these members are kept: a run's full membership stays in theme_members.
CREATE TABLE member_reviews (
  run_id           VARCHAR NOT NULL,
  record_id        VARCHAR NOT NULL,
  theme_id         VARCHAR NOT NULL,
  other_theme      VARCHAR NOT NULL,
  other_similarity DOUBLE NOT NULL,
  second           BOOLEAN NOT NULL,
  PRIMARY KEY (run_id, record_id)
);
ALTER TABLE run_unassigned ADD COLUMN nearest_theme VARCHAR;
ALTER TABLE run_unassigned ADD COLUMN nearest_similarity DOUBLE;
