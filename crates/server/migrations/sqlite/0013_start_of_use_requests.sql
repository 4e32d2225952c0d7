-- Issue 13 item 1 (様式1 利用開始届出, FAQ A9): a request for a new user ID, filed without
-- signing in, by a new institution or by one whose code, class or address changes. The bureau
-- of the (new) code's prefecture accepts or rejects; `admin start-use --requests` issues the
-- accepted ones, ending the previous account in the same transaction, and records the new
-- account here: (previous_account_id, account_id) is the link that keeps an institution's
-- history readable across its user IDs.
CREATE TABLE start_of_use_requests (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at         INTEGER NOT NULL,
    -- RegionalBureau::as_str of the code's prefecture.
    bureau              TEXT    NOT NULL,
    reason              TEXT    NOT NULL
                        CHECK (reason IN ('new', 'code_change', 'class_change', 'relocation')),
    -- As typed, normalised (upper case); NULL for a new institution.
    previous_user_id    TEXT,
    institution_code    TEXT    NOT NULL CHECK (length(institution_code) = 10),
    fee_schedule_class  TEXT    NOT NULL CHECK (fee_schedule_class IN ('medical', 'dental', 'pharmacy')),
    institution_name    TEXT    NOT NULL,
    -- `123-4567`.
    postal_code         TEXT    NOT NULL,
    address             TEXT    NOT NULL,
    contact_name        TEXT    NOT NULL,
    contact_phone       TEXT    NOT NULL,
    -- The peer address, for the rate limit only.
    requester           TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'received'
                        CHECK (status IN ('received', 'accepted', 'rejected', 'issued')),
    -- Set on acceptance: the account replaced and its accepted 利用終了届出.
    previous_account_id INTEGER REFERENCES accounts (id),
    end_of_use_submission_id INTEGER REFERENCES submissions (id),
    decided_by          INTEGER REFERENCES accounts (id),
    decided_at          INTEGER,
    reject_reason       TEXT,
    -- Set by the operator's run: the account issued and its letter.
    account_id          INTEGER REFERENCES accounts (id),
    issued_at           INTEGER,
    letter_file         TEXT
);

CREATE INDEX start_of_use_requests_by_bureau ON start_of_use_requests (bureau, status, received_at);
CREATE INDEX start_of_use_requests_by_code ON start_of_use_requests (institution_code, received_at);
CREATE INDEX start_of_use_requests_by_requester ON start_of_use_requests (requester, received_at);
CREATE INDEX start_of_use_requests_by_account ON start_of_use_requests (account_id);
CREATE INDEX start_of_use_requests_by_previous ON start_of_use_requests (previous_account_id);
