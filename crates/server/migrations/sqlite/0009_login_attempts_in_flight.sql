-- Sign-in attempts whose password is being verified right now, per throttle key. Reserving a
-- slot and checking the threshold is one statement, so failures plus attempts in flight never
-- exceed the threshold, however many requests arrive at once. `pending_at` lets a slot left by
-- a process that died mid-attempt expire.
ALTER TABLE login_throttle ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN pending_at INTEGER;
