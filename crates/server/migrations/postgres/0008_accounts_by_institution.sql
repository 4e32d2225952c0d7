-- PostgreSQL twin of ../sqlite/0008_accounts_by_institution.sql.
CREATE INDEX accounts_institution ON accounts (institution_code, fee_schedule_class)
    WHERE role = 'applicant';
