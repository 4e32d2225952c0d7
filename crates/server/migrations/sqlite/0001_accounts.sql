-- Accounts: one per institution code + fee-schedule class for applicants (the seed's rule),
-- and bureau reviewers. Times are Unix seconds (UTC).
CREATE TABLE accounts (
    id                   INTEGER PRIMARY KEY,
    -- Normalised user ID (upper-case half-width), as UserId::parse produces it.
    user_id              TEXT    NOT NULL UNIQUE,
    role                 TEXT    NOT NULL CHECK (role IN ('applicant', 'reviewer')),
    -- argon2id PHC string; never the password itself.
    password_hash        TEXT    NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
    -- Applicants.
    institution_code     TEXT,
    fee_schedule_class   TEXT    CHECK (fee_schedule_class IN ('medical', 'dental', 'pharmacy')),
    institution_name     TEXT,
    prefecture           INTEGER CHECK (prefecture BETWEEN 1 AND 47),
    -- Reviewers.
    bureau               TEXT,
    display_name         TEXT,
    created_at           INTEGER NOT NULL,
    password_changed_at  INTEGER,
    last_login_at        INTEGER,
    -- 利用終了: an ended account can no longer sign in; a new one may be issued for the code.
    ended_at             INTEGER,
    CHECK (role <> 'applicant' OR (institution_code IS NOT NULL AND fee_schedule_class IS NOT NULL
                                   AND institution_name IS NOT NULL AND prefecture IS NOT NULL)),
    CHECK (role <> 'reviewer' OR (bureau IS NOT NULL AND display_name IS NOT NULL))
);

-- At most one account in use per institution code and class.
CREATE UNIQUE INDEX accounts_active_institution
    ON accounts (institution_code, fee_schedule_class)
    WHERE role = 'applicant' AND ended_at IS NULL;
