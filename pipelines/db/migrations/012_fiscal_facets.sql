-- Councils report by fiscal year (年度, April to March) and its quarters; a theme too small
-- to show by month after suppression often shows by quarter or by year.
CREATE OR REPLACE MACRO case_facet(facet, area, disability_type, age_band, conference_date) AS
  CASE facet
    WHEN '地区' THEN coalesce(area, '（未記入）')
    WHEN '障害種別' THEN disability_type
    WHEN '年齢層' THEN age_band
    WHEN '月' THEN strftime(conference_date, '%Y-%m')
    WHEN '四半期' THEN (year(conference_date) - CASE WHEN month(conference_date) < 4 THEN 1 ELSE 0 END)::VARCHAR
      || '年度Q' || (((month(conference_date) + 8) % 12) // 3 + 1)::VARCHAR
    WHEN '年度' THEN (year(conference_date) - CASE WHEN month(conference_date) < 4 THEN 1 ELSE 0 END)::VARCHAR || '年度'
  END;
