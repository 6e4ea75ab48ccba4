-- Client message ids are opaque: two ids are the same only byte for byte. As VARCHAR under the database's
-- default collation (utf8mb4_unicode_ci, PAD SPACE), 'id-a', 'ID-A', 'id-a ' and 'id-á' were one key of
-- uk_messages_sender_client_id, so a sender's second message was taken for a retry of the first.
-- VARBINARY compares bytes, on MariaDB and MySQL alike (both connect through the jdbc:mariadb: URL, so this
-- folder serves both); 64 bytes is the limit the server checks on send. H2 compares VARCHAR exactly already.
ALTER TABLE messages MODIFY client_message_id VARBINARY(64) NOT NULL;
