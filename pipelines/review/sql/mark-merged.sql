UPDATE themes SET merged_into = $2, vanished_run = $3 WHERE theme_id = $1;
