-- Consecutive failed sign-ins per normalised user-ID string. Keyed by the string rather than
-- the account so that unknown IDs lock exactly like known ones and nothing reveals which exist.
CREATE TABLE login_throttle (
    key             TEXT    PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until    INTEGER
);
