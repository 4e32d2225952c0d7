-- Issue 5: a filed 利用終了届出 (form `end-of-use`) that the bureau accepted is processed by the
-- operator's `admin end-use --filings`: the filer's account ends once the last day of use has
-- passed. One row per processed filing, so a run never processes a filing twice and the
-- bureau's detail page shows when use ended. Append-only, like the audit log.
CREATE TABLE end_of_use_records (
    submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    processed_at  INTEGER NOT NULL,
    -- 'ended': this run ended the account; 'already_ended': it had ended before (by the
    -- operator's `end-use USER_ID` or another filing).
    outcome       TEXT    NOT NULL CHECK (outcome IN ('ended', 'already_ended'))
);

CREATE TRIGGER end_of_use_records_no_update BEFORE UPDATE ON end_of_use_records
BEGIN SELECT RAISE(ABORT, 'end_of_use_records is append-only'); END;
CREATE TRIGGER end_of_use_records_no_delete BEFORE DELETE ON end_of_use_records
BEGIN SELECT RAISE(ABORT, 'end_of_use_records is append-only'); END;
