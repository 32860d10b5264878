-- The upper level of themes: broad areas (住まい, 日中活動・就労, …) each run groups its
-- themes into. A theme's area is per run; a split's new theme stays in its origin's area.
CREATE TABLE run_issue_areas (
  run_id   VARCHAR NOT NULL,
  area_id  VARCHAR NOT NULL,
  label    VARCHAR NOT NULL,
  terms    VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (run_id, area_id)
);

ALTER TABLE theme_snapshots ADD COLUMN issue_area VARCHAR;

-- The terms an automatic label is made of (・-joined, concepts as 〔…〕): what decides
-- whether viewers may read it.
ALTER TABLE theme_snapshots ADD COLUMN label_terms VARCHAR;

-- The unassigned cases of the 個別の事情 group (one-off matters, not a regional wall): an
-- incremental run keeps them there.
ALTER TABLE run_unassigned ADD COLUMN individual BOOLEAN DEFAULT false;
