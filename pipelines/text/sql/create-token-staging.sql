CREATE OR REPLACE TEMP TABLE token_staging AS
SELECT text_hash, tokens FROM text_tokens LIMIT 0;
