INSERT INTO theme_terms VALUES ($1, $2, $3, $4, $5);
