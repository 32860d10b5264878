SELECT settings_hash FROM term_index_state WHERE id = 1;
