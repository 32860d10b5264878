DELETE FROM temp.token_staging;
