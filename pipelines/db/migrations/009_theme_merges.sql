-- A theme the council merged into another: its cases went to that theme.
ALTER TABLE themes ADD COLUMN merged_into VARCHAR;
