-- List search at national scale (docs/benchmarks.md).
--
-- An applicant's list merges their submissions with their unsent drafts and reads each half
-- along an index, newest first. Submitted drafts stay in `drafts` as the record of what was
-- sent, so `drafts_account_updated` walks every one of them to find the few unsent: this index
-- holds only the unsent.
CREATE INDEX drafts_unsent_account_updated ON drafts (account_id, updated_at)
    WHERE submitted_at IS NULL;

-- The status filter of an applicant's list (count and page) without reading every one of the
-- institution's submissions.
CREATE INDEX submissions_account_status_submitted ON submissions (account_id, status, submitted_at);

-- Substring search on arrival numbers (`arrival_number=4242`): an FTS5 trigram index over
-- `submissions.arrival_number` (external content: only the index is stored; rowid =
-- submissions.id). `rowid IN (SELECT rowid FROM submissions_arrival_trigram WHERE
-- arrival_number LIKE '%4242%')` finds the candidates from the index for patterns of three or
-- more characters; the list search checks the LIKE on `submissions` as well. The PostgreSQL
-- twin is a view of the same name over a pg_trgm index, so the query is the same on both.
CREATE VIRTUAL TABLE submissions_arrival_trigram USING fts5(
    arrival_number, content = 'submissions', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO submissions_arrival_trigram (submissions_arrival_trigram) VALUES ('rebuild');

CREATE TRIGGER submissions_arrival_trigram_insert AFTER INSERT ON submissions
BEGIN
    INSERT INTO submissions_arrival_trigram (rowid, arrival_number)
    VALUES (NEW.id, NEW.arrival_number);
END;
CREATE TRIGGER submissions_arrival_trigram_delete AFTER DELETE ON submissions
BEGIN
    INSERT INTO submissions_arrival_trigram (submissions_arrival_trigram, rowid, arrival_number)
    VALUES ('delete', OLD.id, OLD.arrival_number);
END;
CREATE TRIGGER submissions_arrival_trigram_update AFTER UPDATE OF id, arrival_number ON submissions
BEGIN
    INSERT INTO submissions_arrival_trigram (submissions_arrival_trigram, rowid, arrival_number)
    VALUES ('delete', OLD.id, OLD.arrival_number);
    INSERT INTO submissions_arrival_trigram (rowid, arrival_number)
    VALUES (NEW.id, NEW.arrival_number);
END;
