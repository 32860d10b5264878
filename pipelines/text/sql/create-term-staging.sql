-- One chunk's text cells, in the order their terms are stored, and the terms of its
-- distinct texts: each text's terms are appended once however many cells hold it.
CREATE OR REPLACE TEMP TABLE cell_texts (cell INTEGER NOT NULL, record_id VARCHAR NOT NULL, version INTEGER NOT NULL, field VARCHAR NOT NULL, text_id INTEGER NOT NULL);
CREATE OR REPLACE TEMP TABLE text_terms (text_id INTEGER NOT NULL, seq INTEGER NOT NULL, term VARCHAR NOT NULL, kind VARCHAR NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL);
