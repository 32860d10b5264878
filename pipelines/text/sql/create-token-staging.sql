-- New cache entries of one upload or one analysis, appended here inside its write and
-- then moved into the cache (an appender cannot skip keys already there).
CREATE OR REPLACE TEMP TABLE token_staging AS
SELECT text_hash, tokens FROM text_tokens LIMIT 0;
