import type { ChannelDeps, RunningChannel } from "../channel.js";

/** Starts the Telegram bot (long polling, or webhook at /telegram/webhook). */
export async function startTelegram(_deps: ChannelDeps): Promise<RunningChannel> {
  throw new Error("startTelegram: being built (Telegram work in progress)");
}
