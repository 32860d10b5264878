-- Cached tokens for the keys staged in token_keys.
SELECT t.text_hash, t.tokens
FROM token_keys k
JOIN text_tokens t ON t.text_hash = k.text_hash;
