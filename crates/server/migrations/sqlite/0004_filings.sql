-- Filings: drafts (作成中, saved on every page change), submissions (提出済, with their arrival
-- number) and the counter behind arrival numbers. Times are Unix seconds (UTC).
--
-- Ids use AUTOINCREMENT so that they are never reused: a stale browser tab holding the id of a
-- deleted draft must never reach a newer draft that happens to get the same id.

-- One unsent filing. `answers` is the JSON object exactly as the browser sent it (not
-- normalised, so nothing typed is lost). `version` starts at 1 and rises with every save
-- (optimistic concurrency). Once submitted, the row stays as the record of what was submitted
-- from (`submitted_at`, `submission_id`) and can no longer be changed or deleted.
CREATE TABLE drafts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    form_id       TEXT    NOT NULL,
    -- The definition's version (fee revision) when the draft was created.
    form_version  TEXT    NOT NULL,
    answers       TEXT    NOT NULL CHECK (json_valid(answers)),
    version       INTEGER NOT NULL CHECK (version >= 1),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    submitted_at  INTEGER,
    submission_id INTEGER REFERENCES submissions (id),
    CHECK ((submitted_at IS NULL) = (submission_id IS NULL))
);

CREATE INDEX drafts_account_updated ON drafts (account_id, updated_at);

-- Each row is one arrival number issued; its id is the number's sequence part. AUTOINCREMENT
-- guarantees an id is never handed out twice, even after rows are deleted.
CREATE TABLE arrival_counter (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    issued_at INTEGER NOT NULL
);

-- A filing as sent: the normalised answers the server checked, the form id and version the
-- check used, the warnings the user acknowledged (JSON array of Issue::key()), and the arrival
-- number (到達番号, `YYYYMMDD-NNNNNN`, JST date of arrival). One per draft: a retried or
-- doubled submit finds the existing row. `status` is 'submitted' for now; issue 4 adds the
-- bureau's statuses (no CHECK, so that needs no table rebuild).
CREATE TABLE submissions (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id            INTEGER NOT NULL REFERENCES accounts (id),
    draft_id              INTEGER NOT NULL UNIQUE REFERENCES drafts (id),
    arrival_number        TEXT    NOT NULL UNIQUE,
    form_id               TEXT    NOT NULL,
    form_version          TEXT    NOT NULL,
    title                 TEXT    NOT NULL,
    answers               TEXT    NOT NULL CHECK (json_valid(answers)),
    acknowledged_warnings TEXT    NOT NULL CHECK (json_valid(acknowledged_warnings)),
    status                TEXT    NOT NULL,
    submitted_at          INTEGER NOT NULL
);

CREATE INDEX submissions_account_submitted ON submissions (account_id, submitted_at);
