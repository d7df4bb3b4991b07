/**
 * Desk users, sessions, the audit log and saved replies over a {@link SqlRunner}: the same SQL
 * on SQLite and PostgreSQL (times are epoch milliseconds in both).
 */
import type { AuditEntry, DeskAudit, DeskRole, DeskSessions, DeskUser, DeskUsers, SavedReplies, SavedReply } from "../desk/desk-ports.js";
import type { SqlRunner } from "./sql-runner.js";

interface UserRow {
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: number | string;
}

const toUser = (r: UserRow): DeskUser => ({
  email: r.email,
  name: r.name,
  role: r.role as DeskRole,
  passwordHash: r.password_hash,
  createdAt: new Date(Number(r.created_at)),
});

export function createSqlDeskUsers(sql: SqlRunner): DeskUsers {
  return {
    async add(user) {
      const changed = await sql.run(
        "INSERT INTO desk_users (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
        [user.email.toLowerCase(), user.name, user.role, user.passwordHash, user.createdAt.getTime()],
      );
      return changed === 1;
    },
    async get(email) {
      const [row] = await sql.all<UserRow>("SELECT * FROM desk_users WHERE email = $1", [email.toLowerCase()]);
      return row ? toUser(row) : undefined;
    },
    async list() {
      return (await sql.all<UserRow>("SELECT * FROM desk_users ORDER BY email")).map(toUser);
    },
    async remove(email) {
      // Sessions go explicitly too: the cascade is a second line of defence, not the only one.
      await sql.run("DELETE FROM desk_sessions WHERE email = $1", [email.toLowerCase()]);
      return (await sql.run("DELETE FROM desk_users WHERE email = $1", [email.toLowerCase()])) === 1;
    },
  };
}

interface SessionRow {
  id: string;
  email: string;
  csrf_token: string;
  created_at: number | string;
  expires_at: number | string;
}

export function createSqlDeskSessions(sql: SqlRunner): DeskSessions {
  return {
    async create(s) {
      await sql.run("INSERT INTO desk_sessions (id, email, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)", [
        s.id,
        s.email.toLowerCase(),
        s.csrfToken,
        s.createdAt.getTime(),
        s.expiresAt.getTime(),
      ]);
    },
    async get(id, now) {
      const [row] = await sql.all<SessionRow>("SELECT * FROM desk_sessions WHERE id = $1 AND expires_at > $2", [id, now.getTime()]);
      if (!row) return undefined;
      return {
        id: row.id,
        email: row.email,
        csrfToken: row.csrf_token,
        createdAt: new Date(Number(row.created_at)),
        expiresAt: new Date(Number(row.expires_at)),
      };
    },
    async delete(id) {
      await sql.run("DELETE FROM desk_sessions WHERE id = $1", [id]);
    },
    purgeExpired: (now) => sql.run("DELETE FROM desk_sessions WHERE expires_at <= $1", [now.getTime()]),
  };
}

export function createSqlDeskAudit(sql: SqlRunner): DeskAudit {
  return {
    async record(e) {
      await sql.run("INSERT INTO desk_audit (actor, action, target, at) VALUES ($1, $2, $3, $4)", [e.actor, e.action, e.target ?? null, e.at.getTime()]);
    },
    async recent(limit) {
      const rows = await sql.all<{ actor: string; action: string; target: string | null; at: number | string }>(
        "SELECT actor, action, target, at FROM desk_audit ORDER BY id DESC LIMIT $1",
        [limit],
      );
      return rows.map((r): AuditEntry => ({ actor: r.actor, action: r.action, ...(r.target ? { target: r.target } : {}), at: new Date(Number(r.at)) }));
    },
  };
}

interface ReplyRow {
  id: number | string;
  title: string;
  text: string;
  created_by: string;
  created_at: number | string;
}

const toReply = (r: ReplyRow): SavedReply => ({
  id: Number(r.id),
  title: r.title,
  text: r.text,
  createdBy: r.created_by,
  createdAt: new Date(Number(r.created_at)),
});

export function createSqlSavedReplies(sql: SqlRunner): SavedReplies {
  return {
    async list() {
      return (await sql.all<ReplyRow>("SELECT * FROM desk_saved_replies ORDER BY title, id")).map(toReply);
    },
    async add(r) {
      const [row] = await sql.all<ReplyRow>(
        "INSERT INTO desk_saved_replies (title, text, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING *",
        [r.title, r.text, r.createdBy, r.createdAt.getTime()],
      );
      return toReply(row!);
    },
    async remove(id) {
      return (await sql.run("DELETE FROM desk_saved_replies WHERE id = $1", [id])) === 1;
    },
  };
}
