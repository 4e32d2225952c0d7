-- Issue 13 item 2 (FAQ A6): requests for a new ユーザID・初期パスワード通知, filed without
-- signing in. The bureau of the code's prefecture accepts or rejects; `admin reissue --requests`
-- issues the accepted ones. The request never links to an account until the bureau accepts, so
-- nothing here tells a requester whether a code is known.
CREATE TABLE reissue_requests (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at        INTEGER NOT NULL,
    -- RegionalBureau::as_str of the code's prefecture.
    bureau             TEXT    NOT NULL,
    institution_code   TEXT    NOT NULL CHECK (length(institution_code) = 10),
    fee_schedule_class TEXT    NOT NULL CHECK (fee_schedule_class IN ('medical', 'dental', 'pharmacy')),
    institution_name   TEXT    NOT NULL,
    postal_code        TEXT    NOT NULL,
    contact_name       TEXT    NOT NULL,
    contact_phone      TEXT    NOT NULL,
    -- The peer address, for the rate limit only.
    requester          TEXT    NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'received'
                       CHECK (status IN ('received', 'accepted', 'rejected', 'issued')),
    -- Set on acceptance: the account whose password the letter replaces.
    account_id         INTEGER REFERENCES accounts (id),
    decided_by         INTEGER REFERENCES accounts (id),
    decided_at         INTEGER,
    reject_reason      TEXT,
    issued_at          INTEGER,
    -- The PDF the operator's run wrote.
    letter_file        TEXT
);

CREATE INDEX reissue_requests_by_bureau ON reissue_requests (bureau, status, received_at);
CREATE INDEX reissue_requests_by_code ON reissue_requests (institution_code, received_at);
CREATE INDEX reissue_requests_by_requester ON reissue_requests (requester, received_at);
