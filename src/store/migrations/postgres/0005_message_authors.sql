-- Who wrote an inbound message, so that in a shared chat (a group) erasure removes one person's own
-- messages. NULL for replies and for messages stored before this migration.
ALTER TABLE messages ADD COLUMN user_id TEXT;
CREATE INDEX messages_user ON messages(user_id);
