-- The theme id each council seed theme has had, by its name.
SELECT guided_name, theme_id FROM themes WHERE guided_name IS NOT NULL;
