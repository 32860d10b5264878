SELECT theme_id, council_name, status, subcommittee, notes FROM themes WHERE theme_id = $1;
