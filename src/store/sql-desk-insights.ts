/**
 * The coordinator's figures, knowledge gaps and check-ins over a {@link SqlRunner}: the same SQL
 * on SQLite and PostgreSQL. Usage rows hold codes and counts, never resident text; the one
 * exception is a gap's question, redacted before it gets here.
 */
import { randomUUID } from "node:crypto";
import type { CheckIn, CheckIns, DayFigures, KnowledgeGap, ListingOutcome, Period, UsageEvent, UsageStats } from "../desk/desk-ports.js";
import type { SqlRunner, SqlValue } from "./sql-runner.js";

type Num = number | string;
const n = (v: Num | null | undefined) => Number(v ?? 0);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export function createSqlUsageStats(sql: SqlRunner): UsageStats {
  const insert = (at: Date, kind: string, fields: { key?: string; channel?: string; intent?: string; category?: string; area?: string; value?: number; reason?: string }) =>
    sql.run(
      "INSERT INTO usage_events (at, day, kind, conversation_key, channel, intent, category, area, value, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      [at.getTime(), dayOf(at), kind, fields.key ?? null, fields.channel ?? null, fields.intent ?? null, fields.category ?? null, fields.area ?? null, fields.value ?? null, fields.reason ?? null],
    );
  const range = (p: Period): SqlValue[] => [p.from.getTime(), p.to.getTime()];
  const IN_RANGE = "at >= $1 AND at < $2";

  return {
    async record(e: UsageEvent) {
      switch (e.kind) {
        case "message":
          await insert(e.at, "message", { key: e.conversationKey, channel: e.channel, intent: e.intent });
          return;
        case "need":
          await insert(e.at, "need", { key: e.conversationKey, category: e.category, area: e.area });
          return;
        case "handoff":
          await insert(e.at, "handoff", { key: e.conversationKey });
          return;
        case "claim":
          await insert(e.at, "claim", { value: e.seconds });
          return;
        case "feedback":
          await insert(e.at, "feedback", { key: e.conversationKey, intent: e.value, ...(e.reason ? { reason: e.reason } : {}) });
          return;
        case "rating":
          await insert(e.at, "rating", { value: e.rating });
          return;
        case "gap":
          await sql.run("INSERT INTO knowledge_gaps (key, question, first_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING", [e.gapKey, e.question, e.at.getTime()]);
          await insert(e.at, "gap", { key: e.conversationKey, category: e.gapKey });
          return;
      }
    },
    async totals(p) {
      const r = range(p);
      const [msg] = await sql.all<{ conversations: Num; messages: Num }>(
        `SELECT COUNT(DISTINCT conversation_key) AS conversations, COUNT(*) AS messages FROM usage_events WHERE kind = 'message' AND ${IN_RANGE}`,
        r,
      );
      const byKind = await sql.all<{ kind: string; intent: string | null; count: Num }>(
        `SELECT kind, intent, COUNT(*) AS count FROM usage_events WHERE kind IN ('message', 'handoff', 'feedback') AND ${IN_RANGE} GROUP BY kind, intent`,
        r,
      );
      const values = await sql.all<{ kind: string; value: Num }>(`SELECT kind, value FROM usage_events WHERE kind IN ('claim', 'rating') AND ${IN_RANGE} ORDER BY id`, r);
      const reasons = await sql.all<{ reason: string; count: Num }>(
        `SELECT reason, COUNT(*) AS count FROM usage_events WHERE kind = 'feedback' AND reason IS NOT NULL AND ${IN_RANGE} GROUP BY reason ORDER BY COUNT(*) DESC, reason`,
        r,
      );
      const count = (kind: string, intent?: string) =>
        byKind.filter((row) => row.kind === kind && (intent === undefined || row.intent === intent)).reduce((sum, row) => sum + n(row.count), 0);
      const intents: Record<string, number> = {};
      for (const row of byKind) if (row.kind === "message" && row.intent) intents[row.intent] = n(row.count);
      return {
        conversations: n(msg?.conversations),
        messages: n(msg?.messages),
        handoffs: count("handoff"),
        feedbackUp: count("feedback", "up"),
        feedbackDown: count("feedback", "down"),
        claimSeconds: values.filter((v) => v.kind === "claim").map((v) => n(v.value)),
        intents,
        ratings: values.filter((v) => v.kind === "rating").map((v) => n(v.value)),
        feedbackReasons: reasons.map((row) => ({ reason: row.reason, count: n(row.count) })),
      };
    },
    async perDay(p) {
      const rows = await sql.all<{ day: string; kind: string; conversations: Num; count: Num }>(
        `SELECT day, kind, COUNT(DISTINCT conversation_key) AS conversations, COUNT(*) AS count FROM usage_events
          WHERE kind IN ('message', 'handoff') AND ${IN_RANGE} GROUP BY day, kind ORDER BY day`,
        range(p),
      );
      const days = new Map<string, DayFigures>();
      for (const row of rows) {
        const d = days.get(row.day) ?? { day: row.day, conversations: 0, messages: 0, handoffs: 0 };
        if (row.kind === "message") Object.assign(d, { conversations: n(row.conversations), messages: n(row.count) });
        else d.handoffs = n(row.count);
        days.set(row.day, d);
      }
      return [...days.values()];
    },
    async needs(p) {
      const rows = await sql.all<{ area: string; category: string; count: Num }>(
        `SELECT area, category, COUNT(*) AS count FROM usage_events WHERE kind = 'need' AND ${IN_RANGE} GROUP BY area, category ORDER BY area, COUNT(*) DESC, category`,
        range(p),
      );
      return rows.map((r) => ({ area: r.area, category: r.category, count: n(r.count) }));
    },
    async gaps(p, options) {
      const rows = await sql.all<{ key: string; question: string; handled_at: Num | null; count: Num }>(
        `SELECT g.key, g.question, g.handled_at, COUNT(*) AS count FROM usage_events e JOIN knowledge_gaps g ON g.key = e.category
          WHERE e.kind = 'gap' AND e.at >= $1 AND e.at < $2 ${options.includeHandled ? "" : "AND g.handled_at IS NULL"}
          GROUP BY g.key, g.question, g.handled_at ORDER BY COUNT(*) DESC, g.key LIMIT $3`,
        [...range(p), options.limit],
      );
      return rows.map((r): KnowledgeGap => ({ key: r.key, question: r.question, count: n(r.count), handled: r.handled_at !== null }));
    },
    async markGapHandled(key, at) {
      return (await sql.run("UPDATE knowledge_gaps SET handled_at = $1 WHERE key = $2", [at.getTime(), key])) === 1;
    },
    async forgetConversation(conversationKey) {
      const gapKeys = (await sql.all<{ category: string }>("SELECT DISTINCT category FROM usage_events WHERE kind = 'gap' AND conversation_key = $1", [conversationKey])).map(
        (r) => r.category,
      );
      await sql.run("DELETE FROM usage_events WHERE kind = 'gap' AND conversation_key = $1", [conversationKey]);
      for (const key of gapKeys) {
        await sql.run("DELETE FROM knowledge_gaps WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM usage_events WHERE kind = 'gap' AND category = $1)", [key]);
      }
      // The counts stay, under a fresh random key nobody can link back to the person.
      await sql.run("UPDATE usage_events SET conversation_key = $1 WHERE conversation_key = $2", [`forgotten:${randomUUID()}`, conversationKey]);
    },
  };
}

interface CheckInRow {
  id: Num;
  conversation_id: string;
  user_id: string;
  listing_id: string;
  listing_name: string;
  status: string;
  due_at: Num;
  went: number | boolean | null;
  reason: string | null;
}

const toCheckIn = (r: CheckInRow): CheckIn => ({
  id: n(r.id),
  conversationId: r.conversation_id,
  userId: r.user_id,
  listingId: r.listing_id,
  listingName: r.listing_name,
  status: r.status as CheckIn["status"],
  dueAt: new Date(n(r.due_at)),
  ...(r.went === null ? {} : { went: Boolean(r.went) }),
  ...(r.reason === null ? {} : { reason: r.reason }),
});

export function createSqlCheckIns(sql: SqlRunner): CheckIns {
  return {
    async schedule(c, at) {
      await sql.run("DELETE FROM checkins WHERE conversation_id = $1 AND status = 'scheduled'", [c.conversationId]);
      const [row] = await sql.all<CheckInRow>(
        `INSERT INTO checkins (conversation_id, user_id, listing_id, listing_name, status, created_at, due_at)
         VALUES ($1, $2, $3, $4, 'scheduled', $5, $6) RETURNING *`,
        [c.conversationId, c.userId, c.listingId, c.listingName, at.getTime(), c.dueAt.getTime()],
      );
      return toCheckIn(row!);
    },
    async due(now, limit) {
      return (await sql.all<CheckInRow>("SELECT * FROM checkins WHERE status = 'scheduled' AND due_at <= $1 ORDER BY due_at, id LIMIT $2", [now.getTime(), limit])).map(toCheckIn);
    },
    async markAsked(id, at) {
      return (await sql.run("UPDATE checkins SET status = 'asked', asked_at = $1 WHERE id = $2 AND status = 'scheduled'", [at.getTime(), id])) === 1;
    },
    async awaiting(conversationId) {
      const [row] = await sql.all<CheckInRow>(
        "SELECT * FROM checkins WHERE conversation_id = $1 AND (status = 'asked' OR (status = 'answered' AND went = $2 AND reason IS NULL)) ORDER BY id DESC LIMIT 1",
        [conversationId, false],
      );
      return row ? toCheckIn(row) : undefined;
    },
    async answer(id, went, reason, at) {
      if (reason !== undefined) {
        const changed = await sql.run("UPDATE checkins SET reason = $1 WHERE id = $2 AND status = 'answered' AND went = $3 AND reason IS NULL", [reason, id, false]);
        if (changed === 1) return true;
      }
      return (
        (await sql.run("UPDATE checkins SET status = 'answered', went = $1, reason = $2, answered_at = $3 WHERE id = $4 AND status = 'asked'", [
          went,
          went ? null : reason ?? null,
          at.getTime(),
          id,
        ])) === 1
      );
    },
    async outcomes() {
      const rows = await sql.all<{ listing_id: string; listing_name: string; went: number | boolean; reason: string | null; count: Num }>(
        `SELECT listing_id, listing_name, went, reason, COUNT(*) AS count FROM checkins WHERE status = 'answered'
          GROUP BY listing_id, listing_name, went, reason ORDER BY listing_name, listing_id`,
      );
      const byListing = new Map<string, ListingOutcome>();
      for (const row of rows) {
        const o = byListing.get(row.listing_id) ?? { listingId: row.listing_id, listingName: row.listing_name, went: 0, notWent: 0, reasons: [] };
        if (row.went) o.went += n(row.count);
        else {
          o.notWent += n(row.count);
          if (row.reason) o.reasons.push({ reason: row.reason, count: n(row.count) });
        }
        byListing.set(row.listing_id, o);
      }
      return [...byListing.values()];
    },
    forgetUser: (userId) => sql.run("DELETE FROM checkins WHERE user_id = $1", [userId]),
  };
}
