INSERT INTO plan_items (number, heading, position, loaded_at) VALUES ($1, $2, $3, $4::TIMESTAMP);
