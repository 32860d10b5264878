-- One chunk's text cells, in the order their terms are stored; the terms of its distinct
-- texts, each text's in one string ("name,start,end;" a term, in order), so that DuckDB
-- rather than this thread makes a row of each; and the names (term and kind) they number.
CREATE OR REPLACE TEMP TABLE cell_texts (cell INTEGER NOT NULL, record_id VARCHAR NOT NULL, version INTEGER NOT NULL, field VARCHAR NOT NULL, text_id INTEGER NOT NULL);
CREATE OR REPLACE TEMP TABLE text_terms (text_id INTEGER NOT NULL, packed VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE term_names (name_id INTEGER NOT NULL, term VARCHAR NOT NULL, kind VARCHAR NOT NULL);
