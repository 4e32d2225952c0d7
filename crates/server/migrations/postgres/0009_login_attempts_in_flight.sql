-- PostgreSQL twin of ../sqlite/0009_login_attempts_in_flight.sql.
ALTER TABLE login_throttle ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN pending_at BIGINT;
