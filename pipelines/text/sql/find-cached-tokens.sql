-- Tokens for the keys staged in token_keys, stored or staged earlier in this run.
SELECT k.text_hash, t.tokens AS value
FROM token_keys k
JOIN (
  SELECT text_hash, tokens FROM text_tokens
  UNION ALL
  SELECT text_hash, tokens FROM temp.token_staging
) t ON t.text_hash = k.text_hash;
