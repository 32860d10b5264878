-- A merge or split changed theme $1: a decision made on what it was before is stale.
UPDATE themes SET revision = revision + 1 WHERE theme_id = $1;
