-- Inbound updates and events, recorded before the platform gets its 200 and answered under a lease.
-- `available_at` is when the item may be leased (again): a lease moves it to the lease's end.
CREATE TABLE inbox (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  key           TEXT NOT NULL UNIQUE,
  chat          TEXT NOT NULL,
  user_id       TEXT,
  payload_json  TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  lease_owner   TEXT,
  available_at  INTEGER NOT NULL,
  last_error    TEXT,
  received_at   INTEGER NOT NULL,
  finished_at   INTEGER
);
CREATE INDEX inbox_pending ON inbox(status, chat, id);
CREATE INDEX inbox_user ON inbox(user_id);
CREATE INDEX inbox_finished ON inbox(finished_at);
