-- API keys (bookingopt.auth.enabled): only a SHA-256 of each key is kept. A key is "bo_<key_id>_<secret>" with a
-- secret of 256 random bits, so a fast hash is enough: nobody can guess such a secret from its hash, and a slow
-- (password) hash would only slow down every request. The key id is not secret: it names the key in listings,
-- logs and `bookingopt keys revoke`.
CREATE TABLE api_keys (
    key_id       TEXT        PRIMARY KEY,
    key_hash     BYTEA       NOT NULL,
    user_name    TEXT        NOT NULL,
    role         TEXT        NOT NULL CHECK (role IN ('user', 'admin')),
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

CREATE INDEX api_keys_user_name ON api_keys (user_name);
