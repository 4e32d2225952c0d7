-- Issue 4: the bureau's side of the lifecycle (受付済, 審査中, 差戻し, 受理, 不受理, 取下げ), the
-- audit log of every transition, and notices to applicants. Times are Unix seconds (UTC); dates
-- (effective date, return deadline) are `YYYY-MM-DD` text.

-- What the lifecycle leaves on a submission. `answers` always holds the latest submitted content;
-- `previous_answers` the content before the latest resubmission. `content_sha256` is the hex
-- SHA-256 of `answers` as stored (filled at submission; NULL only for rows older than this
-- migration, for which the server computes it when reading).
ALTER TABLE submissions ADD COLUMN content_sha256    TEXT;
ALTER TABLE submissions ADD COLUMN previous_answers  TEXT CHECK (previous_answers IS NULL OR json_valid(previous_answers));
ALTER TABLE submissions ADD COLUMN return_comment    TEXT;
ALTER TABLE submissions ADD COLUMN field_comments    TEXT CHECK (field_comments IS NULL OR json_valid(field_comments));
ALTER TABLE submissions ADD COLUMN return_deadline   TEXT;
ALTER TABLE submissions ADD COLUMN acceptance_number TEXT;
ALTER TABLE submissions ADD COLUMN accepted_at       INTEGER;
ALTER TABLE submissions ADD COLUMN effective_date    TEXT;
ALTER TABLE submissions ADD COLUMN rejection_reason  TEXT;

-- The column came without a CHECK in 0004; adding one needs a table rebuild, so triggers guard
-- the values instead.
CREATE TRIGGER submissions_status_insert BEFORE INSERT ON submissions
WHEN NEW.status NOT IN ('submitted', 'received', 'under_review', 'returned', 'accepted', 'rejected', 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'invalid submission status'); END;
CREATE TRIGGER submissions_status_update BEFORE UPDATE OF status ON submissions
WHEN NEW.status NOT IN ('submitted', 'received', 'under_review', 'returned', 'accepted', 'rejected', 'withdrawn')
BEGIN SELECT RAISE(ABORT, 'invalid submission status'); END;

CREATE UNIQUE INDEX submissions_acceptance_number ON submissions (acceptance_number)
    WHERE acceptance_number IS NOT NULL;
CREATE INDEX submissions_status_submitted ON submissions (status, submitted_at);
CREATE INDEX submissions_submitted ON submissions (submitted_at);

-- A draft made to revise a returned submission: submitting it resubmits that submission.
ALTER TABLE drafts ADD COLUMN revises_submission_id INTEGER REFERENCES submissions (id);

-- Numbers handed out on acceptance (受理番号); like arrival_counter, never reused.
CREATE TABLE acceptance_counter (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    issued_at INTEGER NOT NULL
);

-- The audit log: one row per transition (including the first submission and every
-- resubmission). Append-only: the server has no UPDATE or DELETE for it, and the triggers refuse
-- them from anywhere else.
CREATE TABLE filing_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id  INTEGER NOT NULL REFERENCES submissions (id),
    at             INTEGER NOT NULL,
    actor_account_id INTEGER NOT NULL REFERENCES accounts (id),
    actor_role     TEXT    NOT NULL CHECK (actor_role IN ('applicant', 'reviewer')),
    -- The institution's name or the reviewer's display name at the time.
    actor_label    TEXT    NOT NULL,
    -- 'submit' or a lifecycle Action in snake_case.
    action         TEXT    NOT NULL,
    from_status    TEXT,
    to_status      TEXT    NOT NULL,
    comment        TEXT,
    field_comments TEXT    CHECK (field_comments IS NULL OR json_valid(field_comments)),
    deadline       TEXT
);

CREATE INDEX filing_events_submission ON filing_events (submission_id, id);

CREATE TRIGGER filing_events_no_update BEFORE UPDATE ON filing_events
BEGIN SELECT RAISE(ABORT, 'filing_events is append-only'); END;
CREATE TRIGGER filing_events_no_delete BEFORE DELETE ON filing_events
BEGIN SELECT RAISE(ABORT, 'filing_events is append-only'); END;

-- Notices of status changes for the applicant account; `read_at` is set when opened.
CREATE TABLE notices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    event_id      INTEGER NOT NULL REFERENCES filing_events (id),
    status        TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    read_at       INTEGER
);

CREATE INDEX notices_account ON notices (account_id, id);
