-- Bulk issuance (issue 5): the institutions the bureau imports (with their mailing address and
-- the months in which they filed online claims, オンライン請求), each issuance run, and one row
-- per mailed letter. Passwords are never stored here; accounts keep only their argon2 hash.
-- Accounts link to institutions by (institution_code, fee_schedule_class), the seed's key.

CREATE TABLE institutions (
    id                 INTEGER PRIMARY KEY,
    institution_code   TEXT    NOT NULL CHECK (length(institution_code) = 10),
    fee_schedule_class TEXT    NOT NULL CHECK (fee_schedule_class IN ('medical', 'dental', 'pharmacy')),
    name               TEXT    NOT NULL,
    -- 7 ASCII digits, no hyphen.
    postal_code        TEXT    NOT NULL CHECK (length(postal_code) = 7),
    address_line1      TEXT    NOT NULL,
    address_line2      TEXT,
    prefecture         INTEGER NOT NULL CHECK (prefecture BETWEEN 1 AND 47),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    UNIQUE (institution_code, fee_schedule_class)
);

-- A claim month (YYYY-MM, the 請求月) in which the institution filed online claims.
CREATE TABLE online_claims (
    institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
    claim_month    TEXT    NOT NULL CHECK (claim_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    PRIMARY KEY (institution_id, claim_month)
);

CREATE INDEX online_claims_month ON online_claims (claim_month);

-- One `issue-credentials` run (or one reissue).
CREATE TABLE issuance_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL CHECK (kind IN ('initial', 'reissue')),
    claim_month TEXT,
    created_at  INTEGER NOT NULL
);

-- One mailed letter: which account, in which mailing batch (1–9, the seed's schedule).
CREATE TABLE letters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id         INTEGER NOT NULL REFERENCES issuance_runs (id),
    account_id     INTEGER NOT NULL REFERENCES accounts (id),
    institution_id INTEGER REFERENCES institutions (id),
    mailing_batch  INTEGER NOT NULL CHECK (mailing_batch BETWEEN 1 AND 9),
    created_at     INTEGER NOT NULL
);

CREATE INDEX letters_account ON letters (account_id);
