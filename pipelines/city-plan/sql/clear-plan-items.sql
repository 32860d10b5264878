DELETE FROM plan_items;
