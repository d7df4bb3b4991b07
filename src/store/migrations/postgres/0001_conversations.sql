-- Conversations, their messages, feedback and processed platform deliveries.
-- Times are epoch milliseconds (BIGINT), as in the SQLite schema.
CREATE TABLE conversations (
  id          TEXT PRIMARY KEY,
  channel     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  state       JSONB NOT NULL DEFAULT '{}',
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX conversations_user ON conversations(user_id);

CREATE TABLE messages (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  direction        TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  text             TEXT NOT NULL,
  intent           TEXT,
  at               BIGINT NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);
CREATE INDEX messages_at ON messages(at);

CREATE TABLE feedback (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  message_ref      TEXT NOT NULL,
  value            TEXT NOT NULL CHECK (value IN ('up', 'down')),
  reason           TEXT,
  at               BIGINT NOT NULL
);
CREATE INDEX feedback_conversation ON feedback(conversation_id);
CREATE INDEX feedback_at ON feedback(at);

CREATE TABLE deliveries (
  key  TEXT PRIMARY KEY,
  at   BIGINT NOT NULL
);
CREATE INDEX deliveries_at ON deliveries(at);
