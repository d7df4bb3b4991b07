/**
 * Replies that could not go out during an outage wait here, per chat, instead of being lost. Each
 * chat is its own lane: its replies leave in order, and one chat's trouble (a flood limit, a long
 * outage) never holds up another chat. Parked lanes are retried with a jittered, capped backoff;
 * the backoff resets the moment the Bot API answers again (any successful call), and then every
 * parked lane goes out at once. A reply that waited longer than `staleAfterMs` is no longer sent
 * as such: the resident gets one short apology instead, so after a long outage there is an answer
 * or one apology, never silence.
 */
import { AppError } from "../../core/app-error.js";
import { backoffDelay } from "../../core/retry.js";
import type { OutboundMessage } from "../../core/types.js";
import type { Logger } from "../../log/logger.js";
import { telegramAppError } from "./telegram-errors.js";

export interface ReplyLaneOptions {
  logger: Logger;
  now: () => Date;
  /** The short apology that replaces stale replies. */
  apology: OutboundMessage;
  /** Default 10 minutes. */
  staleAfterMs?: number;
  /** First wait before a parked lane is tried again; doubles up to `retryMaxMs`. Defaults 1 s and 30 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Chats with parked replies kept at most; beyond it the oldest lane is dropped (and logged). Default 10,000. */
  maxLanes?: number;
}

/** One delivery: `send` resumes where an earlier try stopped (it tracks the parts already sent itself). */
export interface LaneDelivery {
  send: () => Promise<void>;
  /** Sends the apology instead, when this delivery went stale. */
  sendApology: (apology: OutboundMessage) => Promise<void>;
}

export interface ReplyLanes {
  /**
   * Sends now, or — when the chat already has parked replies, or the send fails for a reason a retry
   * can fix — parks it to go out later in order. Rejects only for failures a retry cannot fix.
   */
  deliver(chatId: number, delivery: LaneDelivery): Promise<void>;
  /** The Bot API answered (up) or not: an answer while lanes are parked flushes them now. */
  platformAnswered(up: boolean): void;
  /** Chats with parked replies. */
  readonly parked: number;
  /** Tries every parked lane once, now; resolves when done. */
  flush(): Promise<void>;
  /** Stops retrying (shutdown); what is parked is logged as not delivered. */
  stop(): void;
}

interface Parked extends LaneDelivery {
  at: number;
}

export function createReplyLanes(options: ReplyLaneOptions): ReplyLanes {
  const { logger, now } = options;
  const staleAfter = options.staleAfterMs ?? 10 * 60_000;
  const policy = { baseDelayMs: options.retryBaseMs ?? 1000, maxDelayMs: options.retryMaxMs ?? 30_000 };
  const maxLanes = options.maxLanes ?? 10_000;
  const lanes = new Map<number, Parked[]>();
  /** A chat the platform told to wait (429 retry_after): not tried before then, whatever else recovers. */
  const notBefore = new Map<number, number>();
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let stopped = false;

  function schedule(delayMs: number) {
    if (stopped || lanes.size === 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delayMs);
    timer.unref();
  }

  function park(chatId: number, delivery: LaneDelivery, error: AppError) {
    if (!lanes.has(chatId) && lanes.size >= maxLanes) {
      const [oldest] = lanes.keys();
      lanes.delete(oldest!);
      logger.error({ channel: "telegram" }, "too many chats waiting for replies: the oldest lane was dropped");
    }
    const lane = lanes.get(chatId) ?? [];
    lane.push({ ...delivery, at: now().getTime() });
    lanes.set(chatId, lane);
    holdOff(chatId, error);
    logger.warn({ channel: "telegram", code: error.detail, parked: lanes.size }, "reply parked until Telegram answers again");
    if (!timer && !flushing) schedule(backoffDelay(++failures, policy));
  }

  function holdOff(chatId: number, error: AppError) {
    if (error.retryAfterSeconds) notBefore.set(chatId, now().getTime() + error.retryAfterSeconds * 1000);
  }

  /** Sends a lane's replies in order; false when it must wait for the next try. */
  async function drainLane(chatId: number, lane: Parked[]): Promise<boolean> {
    if ((notBefore.get(chatId) ?? 0) > now().getTime()) return false;
    notBefore.delete(chatId);
    while (lane.length > 0) {
      const head = lane[0]!;
      const stale = now().getTime() - head.at > staleAfter;
      try {
        if (stale) {
          // All stale replies of this chat become one apology.
          await head.sendApology(options.apology);
          while (lane.length > 0 && now().getTime() - lane[0]!.at > staleAfter) lane.shift();
        } else {
          await head.send();
          lane.shift();
        }
      } catch (raw) {
        const error = telegramAppError(raw);
        if (error.retryable) {
          holdOff(chatId, error);
          return false;
        }
        logger.error({ channel: "telegram", code: error.detail }, "parked reply refused for good; dropped");
        lane.shift();
      }
    }
    lanes.delete(chatId);
    return true;
  }

  function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      const results = await Promise.all([...lanes].map(([chatId, lane]) => drainLane(chatId, lane)));
      if (results.every(Boolean)) failures = 0;
      else schedule(backoffDelay(++failures, policy));
    })().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  return {
    async deliver(chatId, delivery) {
      const lane = lanes.get(chatId);
      if (lane) {
        // Behind what is already waiting for this chat: order within a chat is kept.
        lane.push({ ...delivery, at: now().getTime() });
        return;
      }
      try {
        await delivery.send();
      } catch (raw) {
        const error = telegramAppError(raw);
        if (!error.retryable || stopped) throw error;
        park(chatId, delivery, error);
      }
    },
    platformAnswered(up) {
      if (!up || lanes.size === 0 || stopped) return;
      // Recovered: the backoff starts again from its first step, and the parked lanes go now.
      failures = 0;
      if (!flushing) schedule(0);
    },
    get parked() {
      return lanes.size;
    },
    flush,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (lanes.size > 0) logger.warn({ channel: "telegram", chats: lanes.size }, "stopped with replies still parked");
    },
  };
}
