INSERT INTO meetings (meeting_id, kind, held_on, subcommittee, title, public, created_at, created_by)
VALUES ($1, $2, $3::DATE, $4, $5, $6, $7::TIMESTAMP, $8);
