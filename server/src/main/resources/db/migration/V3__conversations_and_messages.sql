-- Conversations, their messages and each member's read cursor.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.

-- One row per conversation. public_id is what clients see: 'd:<uuid>:<uuid>' for a 1:1 chat (the two user
-- ids in ascending order). last_seq is the seq of the newest message, updated in the same transaction that
-- stores it, so it never runs ahead of the messages.
CREATE TABLE conversations (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  public_id   VARCHAR(80)  NOT NULL,
  kind        TINYINT      NOT NULL,                 -- 1 single (1:1), 2 group
  last_seq    BIGINT       NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  updated_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_conversations_public_id (public_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who belongs to a conversation, and how far each has read. Unread = conversations.last_seq - read_seq.
CREATE TABLE conversation_members (
  conversation_id BIGINT       NOT NULL,
  user_id         BIGINT       NOT NULL,
  read_seq        BIGINT       NOT NULL,
  joined_at       TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (conversation_id, user_id),
  KEY idx_conversation_members_user (user_id),
  CONSTRAINT fk_conversation_members_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id),
  CONSTRAINT fk_conversation_members_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A message is stored once, keyed by its place in its conversation. History, sync and unread all read
-- it by (conversation_id, seq) ranges. uk_messages_client_id makes a retried send a duplicate-key error
-- instead of a second message.
CREATE TABLE messages (
  conversation_id   BIGINT        NOT NULL,
  seq               BIGINT        NOT NULL,
  message_id        VARCHAR(32)   NOT NULL,
  sender_id         BIGINT        NOT NULL,
  client_message_id VARCHAR(64)   NOT NULL,
  content_type      TINYINT       NOT NULL,
  content           TEXT          NOT NULL,          -- at most 16384 bytes of UTF-8 (checked on send)
  url               VARCHAR(2048) NULL,
  file_suffix       VARCHAR(16)   NULL,
  created_at        TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (conversation_id, seq),
  UNIQUE KEY uk_messages_message_id (message_id),
  UNIQUE KEY uk_messages_client_id (conversation_id, sender_id, client_message_id),
  CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id),
  CONSTRAINT fk_messages_sender FOREIGN KEY (sender_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
