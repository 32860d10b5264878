DELETE FROM term_vectors;
DELETE FROM term_vector_build;
