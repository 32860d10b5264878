-- Sign-in attempts are counted by login and by where they come from, and each attempt is
-- written (as failed) before its password is checked, so a burst cannot outrun the count.
-- The secretariat can release a login from its delays.
ALTER TABLE login_attempts ADD COLUMN client VARCHAR;
ALTER TABLE login_attempts ADD COLUMN attempt_id VARCHAR;
CREATE TABLE login_releases (
  login       VARCHAR NOT NULL,
  released_at TIMESTAMP NOT NULL,
  released_by VARCHAR
);
