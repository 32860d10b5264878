-- New cache entries of one upload or one analysis, kept apart until its transaction
-- writes them.
CREATE TEMP TABLE IF NOT EXISTS token_staging AS
SELECT text_hash, tokens FROM text_tokens LIMIT 0;
