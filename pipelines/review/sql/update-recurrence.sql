UPDATE theme_snapshots
SET case_count = $3, org_count = $4, area_count = $5, period_count = $6,
    first_seen = $7::DATE, last_seen = $8::DATE, trend = $9, score = $10
WHERE run_id = $1 AND theme_id = $2;
