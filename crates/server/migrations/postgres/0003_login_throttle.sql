-- PostgreSQL twin of ../sqlite/0003_login_throttle.sql.
CREATE TABLE login_throttle (
    key             TEXT    PRIMARY KEY,
    failures        BIGINT  NOT NULL,
    last_failure_at BIGINT  NOT NULL,
    locked_until    BIGINT
);
