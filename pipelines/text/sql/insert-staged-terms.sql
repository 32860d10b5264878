-- Every cell's terms, in the order the cells and each text's terms were found.
INSERT INTO case_terms
SELECT c.record_id, c.version, c.field, t.term, t.kind, t.start_pos, t.end_pos
FROM temp.cell_texts c JOIN temp.text_terms t ON t.text_id = c.text_id
ORDER BY c.cell, t.seq;
DROP TABLE temp.cell_texts;
DROP TABLE temp.text_terms;
