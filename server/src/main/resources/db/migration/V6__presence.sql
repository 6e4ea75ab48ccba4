-- Presence: when each user's last device disconnected ("last seen"), kept across restarts.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.

-- NULL: never seen since this column exists. Written once per user going offline, never on the message path.
ALTER TABLE users ADD COLUMN last_seen_at TIMESTAMP(3) NULL;
