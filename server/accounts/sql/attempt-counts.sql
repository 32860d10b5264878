-- Failed sign-ins since $3 (the window's start) for login $1 from client $2, for the
-- login from anywhere, and from the client for any login; each counted since the last
-- success (of the same pair, login or client) and, for the login, since the secretariat
-- last released it. With each count, the time of its last failure (epoch ms).
WITH released AS (SELECT max(released_at) AS t FROM login_releases WHERE login = $1),
failed AS (SELECT * FROM login_attempts WHERE NOT succeeded AND attempted_at >= $3::TIMESTAMP),
pair_since AS (
  SELECT greatest(coalesce((SELECT max(attempted_at) FROM login_attempts WHERE login = $1 AND client = $2 AND succeeded), TIMESTAMP '1970-01-01'),
                  coalesce((SELECT t FROM released), TIMESTAMP '1970-01-01')) AS t
),
login_since AS (
  SELECT greatest(coalesce((SELECT max(attempted_at) FROM login_attempts WHERE login = $1 AND succeeded), TIMESTAMP '1970-01-01'),
                  coalesce((SELECT t FROM released), TIMESTAMP '1970-01-01')) AS t
),
client_since AS (
  SELECT coalesce((SELECT max(attempted_at) FROM login_attempts WHERE client = $2 AND succeeded), TIMESTAMP '1970-01-01') AS t
)
SELECT
  (SELECT count(*) FROM failed WHERE login = $1 AND client = $2 AND attempted_at > (SELECT t FROM pair_since))::INTEGER AS pair_failures,
  (SELECT epoch_ms(max(attempted_at)) FROM failed WHERE login = $1 AND client = $2 AND attempted_at > (SELECT t FROM pair_since)) AS pair_last,
  (SELECT count(*) FROM failed WHERE login = $1 AND attempted_at > (SELECT t FROM login_since))::INTEGER AS login_failures,
  (SELECT epoch_ms(max(attempted_at)) FROM failed WHERE login = $1 AND attempted_at > (SELECT t FROM login_since)) AS login_last,
  (SELECT count(*) FROM failed WHERE client = $2 AND attempted_at > (SELECT t FROM client_since))::INTEGER AS client_failures,
  (SELECT epoch_ms(max(attempted_at)) FROM failed WHERE client = $2 AND attempted_at > (SELECT t FROM client_since)) AS client_last;
