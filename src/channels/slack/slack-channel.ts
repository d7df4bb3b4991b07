import type { ChannelDeps, RunningChannel } from "../channel.js";

/** Starts the Slack app (HTTP at /slack/events, or Socket Mode). */
export async function startSlack(_deps: ChannelDeps): Promise<RunningChannel> {
  throw new Error("startSlack: being built (Slack work in progress)");
}
