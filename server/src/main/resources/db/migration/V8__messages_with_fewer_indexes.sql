-- Rebuilds messages with only the two keys the message path needs: the primary key (conversation_id, seq),
-- which every read uses, and the unique (conversation_id, sender_id, client_message_id), which turns a
-- retried send into a duplicate-key error. Every other index was one more random page written per message:
--  * uk_messages_message_id: nothing looks a message up by its id, which is 80 random bits and a timestamp;
--  * the foreign keys to users and conversations: H2 gives each its own index even where the primary key
--    would serve. Messages are written only by the message writer, for a conversation it has read or just
--    created and for the authenticated sender, and users and conversations are never deleted.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.
CREATE TABLE messages_rebuilt (
  conversation_id   BIGINT        NOT NULL,
  seq               BIGINT        NOT NULL,
  message_id        VARCHAR(32)   NOT NULL,
  sender_id         BIGINT        NOT NULL,
  client_message_id VARCHAR(64)   NOT NULL,
  content_type      TINYINT       NOT NULL,
  content           TEXT          NOT NULL,
  url               VARCHAR(2048) NULL,
  file_suffix       VARCHAR(16)   NULL,
  created_at        TIMESTAMP(3)  NOT NULL,
  reply_to_seq      BIGINT        NULL,
  mentions          VARCHAR(2000) NULL,
  recalled_at       TIMESTAMP(3)  NULL,
  PRIMARY KEY (conversation_id, seq),
  UNIQUE KEY uk_messages_sender_client_id (conversation_id, sender_id, client_message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO messages_rebuilt (conversation_id, seq, message_id, sender_id, client_message_id, content_type, content,
    url, file_suffix, created_at, reply_to_seq, mentions, recalled_at)
  SELECT conversation_id, seq, message_id, sender_id, client_message_id, content_type, content,
    url, file_suffix, created_at, reply_to_seq, mentions, recalled_at
  FROM messages;

DROP TABLE messages;
ALTER TABLE messages_rebuilt RENAME TO messages;
