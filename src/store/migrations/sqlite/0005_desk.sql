-- The web desk: accounts, sessions, audit log, saved replies, usage figures, knowledge gaps, check-ins.
-- IF NOT EXISTS: the tables stand alone, so replaying this file (a test rolling migrations back) is harmless.
CREATE TABLE IF NOT EXISTS desk_users (
  email          TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('worker', 'coordinator')),
  password_hash  TEXT NOT NULL,
  created_at     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS desk_sessions (
  id          TEXT PRIMARY KEY,
  email       TEXT NOT NULL REFERENCES desk_users(email) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS desk_sessions_email ON desk_sessions(email);

CREATE TABLE IF NOT EXISTS desk_audit (
  id      INTEGER PRIMARY KEY,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT,
  at      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS desk_saved_replies (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

-- Counts only: the conversation is a one-way hash, everything else a code.
CREATE TABLE IF NOT EXISTS usage_events (
  id                INTEGER PRIMARY KEY,
  at                INTEGER NOT NULL,
  day               TEXT NOT NULL,
  kind              TEXT NOT NULL,
  conversation_key  TEXT,
  channel           TEXT,
  intent            TEXT,
  category          TEXT,
  area              TEXT,
  value             REAL,
  reason            TEXT
);
CREATE INDEX IF NOT EXISTS usage_events_kind_at ON usage_events(kind, at);
CREATE INDEX IF NOT EXISTS usage_events_conversation ON usage_events(conversation_key);

CREATE TABLE IF NOT EXISTS knowledge_gaps (
  key         TEXT PRIMARY KEY,
  question    TEXT NOT NULL,
  first_at    INTEGER NOT NULL,
  handled_at  INTEGER
);

CREATE TABLE IF NOT EXISTS checkins (
  id               INTEGER PRIMARY KEY,
  conversation_id  TEXT NOT NULL,
  user_id          TEXT NOT NULL,
  listing_id       TEXT NOT NULL,
  listing_name     TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'asked', 'answered')),
  created_at       INTEGER NOT NULL,
  due_at           INTEGER NOT NULL,
  asked_at         INTEGER,
  went             INTEGER,
  reason           TEXT,
  answered_at      INTEGER
);
CREATE INDEX IF NOT EXISTS checkins_due ON checkins(status, due_at);
CREATE INDEX IF NOT EXISTS checkins_conversation ON checkins(conversation_id, status);
CREATE INDEX IF NOT EXISTS checkins_user ON checkins(user_id);
