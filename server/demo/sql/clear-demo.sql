-- Everything the demo brought: cases and what was derived from them. Accounts, sessions
-- and the audit log stay.
DELETE FROM cases;
DELETE FROM uploads;
DELETE FROM ingest_issues;
DELETE FROM pii_findings;
DELETE FROM text_tokens;
DELETE FROM text_names;
DELETE FROM case_terms;
DELETE FROM indexed_cases;
DELETE FROM term_index_state;
DELETE FROM analysis_runs;
DELETE FROM themes;
DELETE FROM theme_snapshots;
DELETE FROM theme_terms;
DELETE FROM theme_members;
DELETE FROM run_unassigned;
DELETE FROM run_issue_areas;
DELETE FROM term_vectors;
DELETE FROM term_vector_build;
DELETE FROM theme_history;
DELETE FROM app_flags WHERE name = 'demo';
