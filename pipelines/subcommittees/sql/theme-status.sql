SELECT status, subcommittee FROM themes WHERE theme_id = $1 AND merged_into IS NULL;
