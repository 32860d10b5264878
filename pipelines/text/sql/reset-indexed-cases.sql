DELETE FROM indexed_cases;
