-- PostgreSQL twin of ../sqlite/0007_end_of_use.sql.
CREATE TABLE end_of_use_records (
    submission_id BIGINT  PRIMARY KEY REFERENCES submissions (id),
    account_id    BIGINT  NOT NULL REFERENCES accounts (id),
    processed_at  BIGINT  NOT NULL,
    outcome       TEXT    NOT NULL CHECK (outcome IN ('ended', 'already_ended'))
);

CREATE TRIGGER end_of_use_records_append_only BEFORE UPDATE OR DELETE ON end_of_use_records
    FOR EACH ROW EXECUTE FUNCTION todoke_append_only();
