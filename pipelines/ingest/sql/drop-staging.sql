DROP TABLE IF EXISTS temp.ingest_staging;
