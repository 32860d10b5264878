-- The items of the city's 障害福祉計画 the secretariat loads (number, heading), and the
-- themes the council links to them, for the annual report per plan item.
CREATE TABLE plan_items (
  number    VARCHAR PRIMARY KEY,
  heading   VARCHAR NOT NULL,
  position  INTEGER NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

CREATE TABLE theme_plan_items (
  theme_id VARCHAR NOT NULL,
  number   VARCHAR NOT NULL,
  PRIMARY KEY (theme_id, number)
);
