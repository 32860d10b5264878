DELETE FROM temp.names_staging;
