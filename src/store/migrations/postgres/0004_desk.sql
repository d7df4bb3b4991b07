-- The web desk: accounts, sessions, audit log, saved replies, usage figures, knowledge gaps, check-ins.
-- IF NOT EXISTS: the tables stand alone, so replaying this file (a test rolling migrations back) is harmless.
CREATE TABLE IF NOT EXISTS desk_users (
  email          TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('worker', 'coordinator')),
  password_hash  TEXT NOT NULL,
  created_at     BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS desk_sessions (
  id          TEXT PRIMARY KEY,
  email       TEXT NOT NULL REFERENCES desk_users(email) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS desk_sessions_email ON desk_sessions(email);

CREATE TABLE IF NOT EXISTS desk_audit (
  id      BIGSERIAL PRIMARY KEY,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT,
  at      BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS desk_saved_replies (
  id          BIGSERIAL PRIMARY KEY,
  title       TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

-- Counts only: the conversation is a one-way hash, everything else a code.
CREATE TABLE IF NOT EXISTS usage_events (
  id                BIGSERIAL PRIMARY KEY,
  at                BIGINT NOT NULL,
  day               TEXT NOT NULL,
  kind              TEXT NOT NULL,
  conversation_key  TEXT,
  channel           TEXT,
  intent            TEXT,
  category          TEXT,
  area              TEXT,
  value             DOUBLE PRECISION,
  reason            TEXT
);
CREATE INDEX IF NOT EXISTS usage_events_kind_at ON usage_events(kind, at);
CREATE INDEX IF NOT EXISTS usage_events_conversation ON usage_events(conversation_key);

CREATE TABLE IF NOT EXISTS knowledge_gaps (
  key         TEXT PRIMARY KEY,
  question    TEXT NOT NULL,
  first_at    BIGINT NOT NULL,
  handled_at  BIGINT
);

CREATE TABLE IF NOT EXISTS checkins (
  id               BIGSERIAL PRIMARY KEY,
  conversation_id  TEXT NOT NULL,
  user_id          TEXT NOT NULL,
  listing_id       TEXT NOT NULL,
  listing_name     TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('scheduled', 'asked', 'answered')),
  created_at       BIGINT NOT NULL,
  due_at           BIGINT NOT NULL,
  asked_at         BIGINT,
  went             BOOLEAN,
  reason           TEXT,
  answered_at      BIGINT
);
CREATE INDEX IF NOT EXISTS checkins_due ON checkins(status, due_at);
CREATE INDEX IF NOT EXISTS checkins_conversation ON checkins(conversation_id, status);
CREATE INDEX IF NOT EXISTS checkins_user ON checkins(user_id);
