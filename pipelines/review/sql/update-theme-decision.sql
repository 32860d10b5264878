UPDATE themes SET council_name = $2, status = $3, subcommittee = $4, notes = $5, revision = revision + 1 WHERE theme_id = $1;
