SELECT number FROM plan_items ORDER BY position;
