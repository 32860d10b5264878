-- The value of a case for one facet (地区, 障害種別, 年齢層 or 月), as every breakdown counts it.
CREATE MACRO case_facet(facet, area, disability_type, age_band, conference_date) AS
  CASE facet
    WHEN '地区' THEN coalesce(area, '（未記入）')
    WHEN '障害種別' THEN disability_type
    WHEN '年齢層' THEN age_band
    WHEN '月' THEN strftime(conference_date, '%Y-%m')
  END;
