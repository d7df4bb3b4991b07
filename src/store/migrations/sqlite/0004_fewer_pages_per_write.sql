-- Every commit writes each page it touched to the WAL, so the tables written on every message
-- touch as few as they can:
-- * messages: a plain rowid key instead of AUTOINCREMENT (which also rewrites sqlite_sequence).
--   New ids are still larger than every id present, so "ORDER BY id" stays the order of arrival.
-- * deliveries: keyed by the delivery key itself (WITHOUT ROWID), one b-tree less.
CREATE TABLE messages_new (
  id               INTEGER PRIMARY KEY,
  conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  direction        TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  text             TEXT NOT NULL,
  intent           TEXT,
  at               INTEGER NOT NULL
);
INSERT INTO messages_new (id, conversation_id, direction, text, intent, at)
  SELECT id, conversation_id, direction, text, intent, at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_conversation ON messages(conversation_id, id);
CREATE INDEX messages_at ON messages(at);

CREATE TABLE deliveries_new (
  key  TEXT PRIMARY KEY,
  at   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO deliveries_new (key, at) SELECT key, at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_at ON deliveries(at);
