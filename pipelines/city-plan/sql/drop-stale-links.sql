-- Links to plan items the plan no longer has.
DELETE FROM theme_plan_items WHERE number NOT IN (SELECT number FROM plan_items);
