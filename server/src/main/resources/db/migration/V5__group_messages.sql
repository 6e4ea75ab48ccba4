-- What group chat, replies, mentions and recall add to conversations and messages.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.

-- A member sees a conversation's messages from visible_from_seq + 1 on (a group member who joined late
-- sees history from their join). muted: the member muted the conversation's notifications.
ALTER TABLE conversation_members ADD COLUMN visible_from_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversation_members ADD COLUMN muted BOOLEAN NOT NULL DEFAULT FALSE;

-- reply_to_seq: the quoted message of the same conversation. mentions: comma-separated user ids (group
-- messages). recalled_at: set when the message was taken back; its content is then cleared.
ALTER TABLE messages ADD COLUMN reply_to_seq BIGINT NULL;
ALTER TABLE messages ADD COLUMN mentions VARCHAR(2000) NULL;
ALTER TABLE messages ADD COLUMN recalled_at TIMESTAMP(3) NULL;

-- Which unread messages mention whom: one row per (conversation, mentioned user, seq), so unread mentions
-- are one index range from the member's read cursor.
CREATE TABLE message_mentions (
  conversation_id BIGINT NOT NULL,
  user_id         BIGINT NOT NULL,
  seq             BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, user_id, seq),
  CONSTRAINT fk_message_mentions_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
