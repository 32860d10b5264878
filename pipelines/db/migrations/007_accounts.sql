-- People who sign in, their sessions, login attempts (for the lockout) and the audit
-- log. Passwords are scrypt hashes; session and CSRF tokens are stored hashed.
CREATE TABLE users (
  user_id       VARCHAR PRIMARY KEY,
  login         VARCHAR NOT NULL UNIQUE,
  display_name  VARCHAR NOT NULL,
  role          VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL,
  disabled      BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE sessions (
  token_hash VARCHAR PRIMARY KEY,
  user_id    VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL
);

CREATE TABLE login_attempts (
  login        VARCHAR NOT NULL,
  attempted_at TIMESTAMP NOT NULL,
  succeeded    BOOLEAN NOT NULL
);

-- Append-only: the application never updates or deletes a row of it.
CREATE SEQUENCE audit_seq;
CREATE TABLE audit_log (
  seq          BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
  logged_at    TIMESTAMP NOT NULL,
  user_id      VARCHAR,
  action       VARCHAR NOT NULL,
  target       VARCHAR,
  before_value VARCHAR,
  after_value  VARCHAR
);

-- Flags about the whole database, e.g. that it holds the demo cases.
CREATE TABLE app_flags (
  name  VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
