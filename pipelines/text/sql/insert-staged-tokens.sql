INSERT OR IGNORE INTO text_tokens
SELECT DISTINCT ON (text_hash) text_hash, tokens FROM temp.token_staging;
