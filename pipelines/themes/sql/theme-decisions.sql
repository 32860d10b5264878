-- What the council has decided about the themes of run $1.
SELECT theme_id, council_name, status, subcommittee, notes FROM themes WHERE last_run = $1;
