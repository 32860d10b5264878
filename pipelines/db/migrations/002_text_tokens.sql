-- Tokens of each distinct analysed text, so that no text is tokenised twice. The key
-- hashes the normalised text together with the normaliser and tokenizer versions.
CREATE TABLE text_tokens (
  text_hash VARCHAR PRIMARY KEY,
  tokens    VARCHAR NOT NULL
);
