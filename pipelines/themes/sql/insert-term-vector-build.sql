INSERT INTO term_vector_build VALUES ($1::TIMESTAMP, $2, $3, $4, $5, $6);
