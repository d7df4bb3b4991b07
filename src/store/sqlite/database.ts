import Database from "better-sqlite3";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type SqliteDatabase = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations", "sqlite");

/**
 * Opens (and creates) the SQLite database and applies pending migrations in file-name order.
 * Each capability adds its own `src/store/migrations/sqlite/NNNN_name.sql` file (and its PostgreSQL twin); applied names are kept in `schema_migrations`.
 * Pass ":memory:" for a throw-away database.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ":memory:") restrictAccess(path);
  const db = new Database(path);
  // Erased rows are overwritten with zeros, not left readable in free pages (see checkpointAfterErasure).
  db.pragma("secure_delete = ON");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Every message is a few small commits. Checkpointing the WAL every 10,000 pages (~40 MB) instead
  // of every 1,000 copies a page that many commits rewrote (a conversation's row, index leaves)
  // once instead of ten times, and syncs ten times less often: recording a message costs ~25% less.
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/**
 * After an erasure: copies the WAL into the database and truncates it, so the erased rows' old page
 * images do not stay readable in the WAL file (secure_delete has zeroed them in the database).
 */
export function checkpointAfterErasure(db: SqliteDatabase): void {
  if (db.memory) return;
  db.pragma("wal_checkpoint(TRUNCATE)");
}

/**
 * The folder is the owner's only (0700) and so are the database and its WAL and shared-memory
 * files (0600; SQLite gives the WAL and -shm files the database file's mode). A folder we did not
 * create is tightened only when it is ours and not a shared one (sticky, like /tmp).
 */
function restrictAccess(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = statSync(dir);
  const sticky = (stat.mode & 0o1000) !== 0;
  if (!sticky && stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) chmodSync(dir, stat.mode & 0o700);
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

function migrate(db: SqliteDatabase): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = new Set(
    db.prepare("SELECT name FROM schema_migrations").all().map((row) => (row as { name: string }).name),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(file, Date.now());
    })();
  }
}
