-- Handoff to a sociaal werker: tickets, and the outbox every relayed message goes through.
CREATE TABLE handoff_tickets (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id  TEXT NOT NULL,
  channel          TEXT NOT NULL,
  user_id          TEXT NOT NULL,
  priority         TEXT NOT NULL CHECK (priority IN ('normal', 'urgent')),
  reason           TEXT NOT NULL,
  topic            TEXT,
  status           TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
  summary          TEXT NOT NULL,
  summary_kind     TEXT NOT NULL DEFAULT 'plain',
  -- 'slack' or 'telegram'; thread = Slack message ts or Telegram forum topic id;
  -- message = the ticket message (Slack ts, Telegram message id) that carries the buttons.
  desk             TEXT NOT NULL,
  desk_thread      TEXT,
  desk_message     TEXT,
  worker_id        TEXT,
  worker_name      TEXT,
  close_reason     TEXT,
  rating           INTEGER CHECK (rating BETWEEN 1 AND 5),
  created_at       INTEGER NOT NULL,
  claimed_at       INTEGER,
  closed_at        INTEGER,
  reminded_at      INTEGER,
  delay_notice_at  INTEGER
);
-- At most one waiting or claimed ticket per conversation.
CREATE UNIQUE INDEX handoff_tickets_active ON handoff_tickets(conversation_id) WHERE status <> 'closed';
CREATE INDEX handoff_tickets_user ON handoff_tickets(user_id);
CREATE INDEX handoff_tickets_desk ON handoff_tickets(desk, desk_thread);
CREATE INDEX handoff_tickets_status ON handoff_tickets(status, created_at);

-- Jobs are delivered strictly in id order within a lane (one lane per destination), and are
-- marked delivered only after the platform accepted them.
CREATE TABLE handoff_outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  lane             TEXT NOT NULL,
  ticket_id        INTEGER,
  kind             TEXT NOT NULL,
  payload_json     TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  delivered_at     INTEGER
);
CREATE INDEX handoff_outbox_pending ON handoff_outbox(status, lane, id);
CREATE INDEX handoff_outbox_ticket ON handoff_outbox(ticket_id);
CREATE INDEX handoff_outbox_created ON handoff_outbox(created_at);
