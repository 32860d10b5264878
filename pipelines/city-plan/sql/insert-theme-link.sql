INSERT INTO theme_plan_items (theme_id, number) VALUES ($1, $2);
