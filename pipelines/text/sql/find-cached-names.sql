-- Person names found by the current rules ($1) for the keys staged in token_keys.
SELECT k.text_hash, n.person_names AS value
FROM token_keys k
JOIN (
  SELECT text_hash, person_names, guard_version FROM text_names
  UNION ALL
  SELECT text_hash, person_names, guard_version FROM temp.names_staging
) n ON n.text_hash = k.text_hash AND n.guard_version = $1;
