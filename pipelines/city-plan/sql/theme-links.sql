SELECT number FROM theme_plan_items WHERE theme_id = $1 ORDER BY number;
