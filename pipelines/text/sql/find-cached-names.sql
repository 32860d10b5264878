-- Person names found by the current rules ($1) in the texts whose keys are in the list $2.
SELECT text_hash, person_names AS value
FROM text_names
WHERE guard_version = $1 AND text_hash IN (SELECT unnest($2));
