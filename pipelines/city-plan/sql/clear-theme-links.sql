DELETE FROM theme_plan_items WHERE theme_id = $1;
