-- Person names found in each cached text (JSON spans, [] for none), so that re-uploading
-- a known text needs neither the tokenizer nor its tokens. guard_version says which name
-- rules found them; a text found by older rules is looked at again.
CREATE TABLE text_names (
  text_hash     VARCHAR PRIMARY KEY,
  person_names  VARCHAR NOT NULL,
  guard_version INTEGER NOT NULL
);
