DROP TABLE temp.token_staging;
DROP TABLE temp.names_staging;
