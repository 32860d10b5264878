-- The term vectors analyses smooth cases with (PPMI + SVD of the current cases' term
-- co-occurrence), kept between runs: learned again only when the corpus has changed enough
-- (pipelines/themes/term-vector-cache.ts). Keyed by the term's text, since its column
-- changes from run to run; doubles, so that a run reading them gets the vectors it learned.
CREATE TABLE term_vectors (
  term   VARCHAR PRIMARY KEY,
  vector DOUBLE[] NOT NULL
);

-- What the vectors were learned from (one row): the analysis settings fingerprint, the
-- smoothing settings, and how many current cases and stored case versions there were.
CREATE TABLE term_vector_build (
  built_at  TIMESTAMP NOT NULL,
  settings  VARCHAR NOT NULL,
  smoothing VARCHAR NOT NULL,
  rank      INTEGER NOT NULL,
  cases     INTEGER NOT NULL,
  versions  INTEGER NOT NULL
);
