-- Issues raised to the council by a related body (関係団体) or a subcommittee: who raised it,
-- what, the evidence; the meeting merges it into a theme (then the theme's decisions are
-- its answer) or sets it aside with a reason; the raiser reads what became of it.
CREATE TABLE raised_issues (
  issue_id    VARCHAR PRIMARY KEY,
  raised_by   VARCHAR NOT NULL,
  user_id     VARCHAR NOT NULL,
  title       VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  evidence    VARCHAR,
  raised_on   DATE NOT NULL,
  status      VARCHAR NOT NULL,
  theme_id    VARCHAR,
  reason      VARCHAR,
  decided_at  TIMESTAMP,
  decided_by  VARCHAR
);
