-- What a subcommittee does with a theme referred to it: what it studies, by when, when it
-- reports next; and its progress notes and reports, each dated, in the meeting they came
-- from when given. The 運営会議 follows them on a progress board per subcommittee.
CREATE TABLE theme_plans (
  theme_id    VARCHAR PRIMARY KEY,
  studies     VARCHAR NOT NULL,
  due         DATE,
  next_report DATE,
  updated_at  TIMESTAMP NOT NULL,
  updated_by  VARCHAR NOT NULL
);

CREATE SEQUENCE theme_progress_seq;
CREATE TABLE theme_progress (
  seq        BIGINT PRIMARY KEY DEFAULT nextval('theme_progress_seq'),
  theme_id   VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,
  noted_on   DATE NOT NULL,
  text       VARCHAR NOT NULL,
  meeting_id VARCHAR,
  user_id    VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL
);
