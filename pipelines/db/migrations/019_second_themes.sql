-- Each case's nearest other theme in a run, for the meeting's review queue (the members that
-- fit their theme least, the unassigned cases nearest a theme) and for second themes: a
-- case that fits another theme almost as well as its own is listed there too.
ALTER TABLE theme_members ADD COLUMN runner_up VARCHAR;
ALTER TABLE theme_members ADD COLUMN runner_up_similarity DOUBLE;
ALTER TABLE theme_members ADD COLUMN second BOOLEAN DEFAULT false;
ALTER TABLE run_unassigned ADD COLUMN nearest_theme VARCHAR;
ALTER TABLE run_unassigned ADD COLUMN nearest_similarity DOUBLE;
