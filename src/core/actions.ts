/**
 * Ids every channel and capability shares: the action ids of buttons (what an adapter sends back as
 * `ActionPress.id`) and the slash commands, with the one parser for them. Adapters render and read
 * these ids; nobody writes them out again.
 */
export const ACTIONS = {
  feedbackUp: "feedback_up",
  feedbackDown: "feedback_down",
  /** "Praat met een mens": opens the handoff (or, without one, gives the wijkteam's contact). */
  handoffRequest: "handoff_request",
  handoffConsentYes: "handoff_consent_yes",
  handoffConsentNo: "handoff_consent_no",
  /** Value `<ticketId>:<1-5>`. */
  handoffRate: "handoff_rate",
  /** Ticket buttons on a staff desk (Slack `action_id`, Telegram callback data); value the ticket id. */
  handoffClaim: "handoff_claim",
  handoffClose: "handoff_close",
  forgetConfirm: "forget_confirm",
  forgetCancel: "forget_cancel",
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Slash commands residents can type (Telegram shows them in its menu). */
export const COMMANDS = {
  start: "start",
  help: "help",
  /** Dutch alias of `help`. */
  hulp: "hulp",
  privacy: "privacy",
  /** The data sources and their licences (CBS/PDOK/GeoNames attribution). */
  sources: "bronnen",
  /** English alias of `bronnen`. */
  sourcesEn: "sources",
  forget: "vergeet",
  person: "mens",
  stop: "stop",
} as const;

export interface ParsedCommand {
  /** Lower case, without the slash and a `@botname` suffix. */
  name: string;
  /** What follows the command, trimmed. */
  args: string;
}

/**
 * Reads a slash command at the start of a message (`/vergeet`, `/Mens@wijkwijzer_bot`, `/help nu`);
 * null when the message is not one.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([a-z_]+)(?:@\w+)?\b(.*)$/is.exec(text.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), args: match[2]!.trim() };
}
