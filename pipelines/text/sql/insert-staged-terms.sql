-- Every cell's terms, in the order the cells and each text's terms were found.
INSERT INTO case_terms
WITH listed AS (
  SELECT text_id, string_split(packed, ';') AS items FROM temp.text_terms
), occurrences AS (
  SELECT text_id, unnest(items) AS item, generate_subscripts(items, 1) AS seq FROM listed
), terms AS (
  SELECT text_id, seq,
         split_part(item, ',', 1)::INTEGER AS name_id,
         split_part(item, ',', 2)::INTEGER AS start_pos,
         split_part(item, ',', 3)::INTEGER AS end_pos
  FROM occurrences
  WHERE item <> ''
)
SELECT c.record_id, c.version, c.field, n.term, n.kind, t.start_pos, t.end_pos
FROM temp.cell_texts c
JOIN terms t ON t.text_id = c.text_id
JOIN temp.term_names n ON n.name_id = t.name_id
ORDER BY c.cell, t.seq;
DROP TABLE temp.cell_texts;
DROP TABLE temp.text_terms;
DROP TABLE temp.term_names;
