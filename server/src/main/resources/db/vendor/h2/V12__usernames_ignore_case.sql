-- A username names one account whatever its case: "Alice", "alice" and "ALICE" are the same name, for
-- registering, logging in and finding users, as on MySQL and MariaDB, whose utf8mb4 collations (the users
-- table's, V1) compare case-insensitively. The username keeps the case it was registered with.
-- Accounts registered before this whose username differs from an older account's only in case are renamed
-- <username>_<id> (cut to stay within 32 characters), the older one keeping its name: see docs/OPERATIONS.md.
UPDATE users SET username = CONCAT(LEFT(username, 31 - CHAR_LENGTH(CAST(id AS VARCHAR(20)))), '_', CAST(id AS VARCHAR(20)))
WHERE id IN (SELECT later.id FROM users later JOIN users earlier
             ON LOWER(earlier.username) = LOWER(later.username) AND earlier.id < later.id);

ALTER TABLE users ALTER COLUMN username SET DATA TYPE VARCHAR_IGNORECASE(32);
