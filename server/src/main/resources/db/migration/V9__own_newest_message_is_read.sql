-- A member's read cursor is the greater of the cursor their read receipts moved (conversation_members.read_seq)
-- and the seq of their own newest message in the conversation: sending a message moves the sender's cursor
-- without writing to conversation_members. Updating that row for every message cost more than storing the
-- message itself; this index gives a member's newest own message in one step down instead.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.
CREATE INDEX idx_messages_sender_seq ON messages (conversation_id, sender_id, seq);
