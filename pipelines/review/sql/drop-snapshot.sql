DELETE FROM theme_snapshots WHERE run_id = $1 AND theme_id = $2;
