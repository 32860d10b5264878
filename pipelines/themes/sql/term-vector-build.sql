-- The cached term vectors' build (null columns before the first) beside the corpus now: its
-- current cases, and its stored case versions, which only accrue (one per new or changed case).
SELECT b.settings, b.smoothing, b.rank, b.cases AS built_cases, b.versions AS built_versions,
       (SELECT count(*) FROM current_cases)::INTEGER AS cases,
       (SELECT count(*) FROM cases)::INTEGER AS versions
FROM (SELECT 1) AS one
LEFT JOIN term_vector_build b ON true;
