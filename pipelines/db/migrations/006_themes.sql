-- Analysis runs and the themes they found. A theme keeps its id from run to run while it
-- is recognisably the same; what the council decides about it lives on the theme, what a
-- run measured lives on the run's snapshot.
CREATE TABLE analysis_runs (
  run_id      VARCHAR PRIMARY KEY,
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  cases       INTEGER NOT NULL,
  method      VARCHAR NOT NULL,
  settings    VARCHAR NOT NULL
);

CREATE TABLE themes (
  theme_id      VARCHAR PRIMARY KEY,
  guided_name   VARCHAR,
  council_name  VARCHAR,
  status        VARCHAR NOT NULL DEFAULT '候補',
  subcommittee  VARCHAR,
  notes         VARCHAR,
  first_run     VARCHAR NOT NULL,
  last_run      VARCHAR NOT NULL,
  vanished_run  VARCHAR
);

CREATE TABLE theme_snapshots (
  run_id                  VARCHAR NOT NULL,
  theme_id                VARCHAR NOT NULL,
  label                   VARCHAR NOT NULL,
  case_count              INTEGER NOT NULL,
  org_count               INTEGER NOT NULL,
  area_count              INTEGER NOT NULL,
  period_count            INTEGER NOT NULL,
  first_seen              DATE NOT NULL,
  last_seen               DATE NOT NULL,
  trend                   DOUBLE NOT NULL,
  score                   DOUBLE NOT NULL,
  suggested_subcommittee  VARCHAR,
  routing_reason          VARCHAR,
  routing_confidence      DOUBLE,
  PRIMARY KEY (run_id, theme_id)
);

-- Distinctive terms (class-based TF-IDF) and the centroid's weights, for labels and for
-- recognising the theme in the next run.
CREATE TABLE theme_terms (
  run_id   VARCHAR NOT NULL,
  theme_id VARCHAR NOT NULL,
  term     VARCHAR NOT NULL,
  weight   DOUBLE NOT NULL,
  centroid DOUBLE NOT NULL,
  PRIMARY KEY (run_id, theme_id, term)
);

CREATE TABLE theme_members (
  run_id     VARCHAR NOT NULL,
  theme_id   VARCHAR NOT NULL,
  record_id  VARCHAR NOT NULL,
  version    INTEGER NOT NULL,
  similarity DOUBLE NOT NULL,
  PRIMARY KEY (run_id, record_id)
);

CREATE TABLE run_unassigned (
  run_id    VARCHAR NOT NULL,
  record_id VARCHAR NOT NULL,
  PRIMARY KEY (run_id, record_id)
);
