-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a copy
-- of the database does not let anyone sign in. Revoking a session deletes its row.
CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY,
    token_hash        BLOB    NOT NULL UNIQUE,
    account_id        INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at        INTEGER NOT NULL,
    last_seen_at      INTEGER NOT NULL,
    -- Absolute end of the session, whatever the activity.
    expires_at        INTEGER NOT NULL,
    -- The sign-in before the one that created this session, shown to the user.
    previous_login_at INTEGER
);

CREATE INDEX sessions_account ON sessions (account_id);
