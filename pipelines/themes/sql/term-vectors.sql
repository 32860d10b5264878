SELECT term, vector FROM term_vectors ORDER BY term;
