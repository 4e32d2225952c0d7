-- PostgreSQL twin of ../sqlite/0010_list_search.sql.
CREATE INDEX drafts_unsent_account_updated ON drafts (account_id, updated_at)
    WHERE submitted_at IS NULL;
CREATE INDEX submissions_account_status_submitted ON submissions (account_id, status, submitted_at);

-- Substring search on arrival numbers: a pg_trgm GIN index on `submissions.arrival_number`,
-- which LIKE '%4242%' uses by itself, and the view `submissions_arrival_trigram` (`rowid`,
-- `arrival_number`) that the list search queries on both engines (SQLite's is an FTS5 table).
--
-- pg_trgm ships with PostgreSQL (Debian: in postgresql-15 itself) and is a trusted extension
-- since PostgreSQL 13: the owner of the database may create it, no superuser needed. Where it
-- cannot be created (the contrib files missing, or a role without CREATE on the database), the
-- migration goes on without the index: the search gives the same rows, by scanning. Run
-- `CREATE EXTENSION pg_trgm` and the CREATE INDEX below later to add it.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'pg_trgm not available (%): arrival-number substring search will scan', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format(
            'CREATE INDEX submissions_arrival_number_trgm ON submissions USING gin (arrival_number %I.gin_trgm_ops)',
            trgm_schema);
    END IF;
END
$$;

CREATE VIEW submissions_arrival_trigram AS
    SELECT id AS rowid, arrival_number FROM submissions;
