/**
 * Periodic work: reminders for unclaimed tickets (only while the office is open, so a ticket
 * that waited overnight is announced again at opening), telling residents when their ticket
 * could not be posted for a while, and the retention purge of ticket and relay content.
 */
import type { HandoffContext } from "./handoff-context.js";
import { handoffTexts as t, residentTextsFor } from "./handoff-texts.js";

export interface UpkeepOptions {
  remindMinutes: number;
  urgentRemindMinutes: number;
  /** After this long without a posted ticket the resident hears about the delay. */
  delayNoticeMinutes: number;
  retentionDays: number;
  /** How often the purge runs. */
  purgeEveryMs: number;
}

export function createUpkeep(ctx: HandoffContext, options: UpkeepOptions) {
  let lastPurge = 0;

  async function remind(now: Date): Promise<number> {
    if (!ctx.hours.isOpen(now)) return 0;
    const minutes = (m: number) => new Date(now.getTime() - m * 60_000);
    const normalBefore = minutes(options.remindMinutes);
    const urgentBefore = minutes(options.urgentRemindMinutes);
    const due = await ctx.tickets.dueForReminder(normalBefore, urgentBefore);
    let sent = 0;
    for (const ticket of due) {
      // Marked first: of several instances running upkeep, only the one that marks it reminds.
      if (!(await ctx.tickets.markReminded(ticket.id, now, ticket.priority === "urgent" ? urgentBefore : normalBefore))) continue;
      const waited = Math.max(1, Math.round((now.getTime() - ticket.createdAt.getTime()) / 60_000));
      await ctx.toThread(ticket, { kind: "reminder", text: t.reminder(ticket, waited) });
      sent += 1;
    }
    return sent;
  }

  async function tellDelays(now: Date): Promise<number> {
    const late = await ctx.tickets.undeliveredSince(new Date(now.getTime() - options.delayNoticeMinutes * 60_000));
    let told = 0;
    for (const ticket of late) {
      if (!(await ctx.tickets.markDelayNotice(ticket.id, now))) continue;
      const words = residentTextsFor(await ctx.languageOf(ticket.conversationId));
      await ctx.toResident(ticket, { text: words.delay(ctx.wijkteamContact) });
      told += 1;
    }
    return told;
  }

  async function purge(now: Date): Promise<number> {
    if (now.getTime() - lastPurge < options.purgeEveryMs) return 0;
    lastPurge = now.getTime();
    const before = new Date(now.getTime() - options.retentionDays * 86_400_000);
    const removed = (await ctx.tickets.purgeContentBefore(before)) + (await ctx.outbox.purgeBefore(before));
    if (removed > 0) ctx.logger?.info({ removed }, "handoff retention purge");
    return removed;
  }

  /** One round of upkeep; returns what it queued or removed. */
  async function run(): Promise<{ reminders: number; delays: number; purged: number }> {
    const now = ctx.now();
    const result = { reminders: await remind(now), delays: await tellDelays(now), purged: await purge(now) };
    if (result.reminders + result.delays > 0) ctx.kick();
    return result;
  }

  return { run };
}
