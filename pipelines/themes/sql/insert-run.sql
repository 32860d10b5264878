INSERT INTO analysis_runs VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, $4, $5, $6);
