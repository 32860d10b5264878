-- New records get version 1; a changed record gets the next version; the old one stays.
INSERT INTO cases
SELECT s.record_id,
       coalesce(c.version, 0) + 1,
       $1,
       s.line,
       s.conference_date,
       s.agency_code,
       s.area,
       s.disability_type,
       s.age_band,
       s.consultation,
       s.problem,
       s.support,
       s.regional_note,
       s.content_hash
FROM ingest_staging s
LEFT JOIN current_cases c ON c.record_id = s.record_id
WHERE c.content_hash IS DISTINCT FROM s.content_hash;
