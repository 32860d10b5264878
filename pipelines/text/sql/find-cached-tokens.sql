-- Stored tokens of the texts whose keys are in the list $1.
SELECT text_hash, tokens AS value
FROM text_tokens
WHERE text_hash IN (SELECT unnest($1));
