-- Theme $1 is no longer merged away (its merge was undone).
UPDATE themes SET merged_into = NULL, vanished_run = NULL WHERE theme_id = $1;
