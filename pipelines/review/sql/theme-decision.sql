-- What the council has decided about theme $1, and how many changes that took.
SELECT theme_id, council_name, status, subcommittee, notes, revision, merged_into FROM themes WHERE theme_id = $1;
