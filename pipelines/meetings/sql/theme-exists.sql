-- Theme $1, when it exists and has not been merged away.
SELECT theme_id FROM themes WHERE theme_id = $1 AND merged_into IS NULL;
