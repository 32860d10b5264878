-- The case versions one index update found terms for, inside its write.
CREATE OR REPLACE TEMP TABLE indexing_pairs (record_id VARCHAR NOT NULL, version INTEGER NOT NULL);
