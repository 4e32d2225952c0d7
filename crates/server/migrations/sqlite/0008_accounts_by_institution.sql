-- `issue-credentials` asks, for every institution, whether any applicant account (in use or
-- ended) exists for its code and class. The partial unique index of 0001 covers only accounts
-- in use, so without this one each question scanned every account: a second issuance run over
-- 100,000 institutions took hours instead of a second.
CREATE INDEX accounts_institution ON accounts (institution_code, fee_schedule_class)
    WHERE role = 'applicant';
