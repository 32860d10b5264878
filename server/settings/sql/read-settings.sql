SELECT settings FROM council_settings WHERE id = 1;
