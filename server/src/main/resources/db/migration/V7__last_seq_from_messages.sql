-- A conversation's last seq and last activity are read from its newest message (the messages' primary key
-- (conversation_id, seq) finds it in one step) instead of being kept in columns moved by every stored batch.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.
ALTER TABLE conversations DROP COLUMN last_seq;
ALTER TABLE conversations DROP COLUMN updated_at;
