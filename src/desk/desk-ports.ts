/**
 * Ports of the web desk: accounts, sessions, the audit log, saved replies, the usage figures
 * coordinators read, knowledge gaps and "ben je gegaan?" check-ins. Every method returns a
 * Promise, so SQLite (`src/store/sqlite-desk-*.ts`) and PostgreSQL (`src/store/pg-desk-*.ts`)
 * implement the same contract (one shared suite runs against both).
 */

export type DeskRole = "worker" | "coordinator";

export interface DeskUser {
  /** Lower-cased; the login name. */
  email: string;
  name: string;
  role: DeskRole;
  /** `scrypt$N$r$p$salt$hash` (see `passwords.ts`); never leaves the server. */
  passwordHash: string;
  createdAt: Date;
}

/** Desk accounts. Created only through `wijkwijzer desk add-user`. */
export interface DeskUsers {
  /** Adds a user; false when the e-mail address is taken. */
  add(user: DeskUser): Promise<boolean>;
  get(email: string): Promise<DeskUser | undefined>;
  list(): Promise<DeskUser[]>;
  /** Removes the user and every session of the user; false when there was no such user. */
  remove(email: string): Promise<boolean>;
}

export interface DeskSession {
  /** SHA-256 of the cookie's token (the token itself is never stored). */
  id: string;
  email: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Login sessions. A session of a removed user is gone with the user. */
export interface DeskSessions {
  create(session: DeskSession): Promise<void>;
  /** The session when it exists and has not expired at `now`. */
  get(id: string, now: Date): Promise<DeskSession | undefined>;
  delete(id: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface AuditEntry {
  /** E-mail of the desk user, or `cli` for the command line. */
  actor: string;
  /** e.g. `login`, `login_failed`, `claim`, `reply`, `close`, `stats`, `gap_handled`, `add_user`. */
  action: string;
  /** What the action was about (`ticket:12`, an e-mail address); never resident text. */
  target?: string;
  at: Date;
}

/** Who did what when at the desk. Append-only. */
export interface DeskAudit {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

export interface SavedReply {
  id: number;
  title: string;
  text: string;
  createdBy: string;
  createdAt: Date;
}

/** Quick replies workers share. */
export interface SavedReplies {
  list(): Promise<SavedReply[]>;
  add(reply: Omit<SavedReply, "id">): Promise<SavedReply>;
  remove(id: number): Promise<boolean>;
}

/**
 * One counted fact for the coordinator's figures. Holds no resident text: the conversation is a
 * one-way hash, the rest are codes (intent, category, area, a feedback reason code).
 */
export type UsageEvent =
  | { kind: "message"; conversationKey: string; channel: string; intent: string; at: Date }
  | { kind: "need"; conversationKey: string; category: string; area: string; at: Date }
  | { kind: "handoff"; conversationKey: string; at: Date }
  | { kind: "claim"; seconds: number; at: Date }
  | { kind: "feedback"; conversationKey: string; value: "up" | "down"; reason?: string; at: Date }
  | { kind: "rating"; rating: number; at: Date }
  | { kind: "gap"; conversationKey: string; gapKey: string; question: string; at: Date };

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface UsageTotals {
  conversations: number;
  messages: number;
  handoffs: number;
  feedbackUp: number;
  feedbackDown: number;
  /** Seconds from ticket to claim, every claim in the period. */
  claimSeconds: number[];
  intents: Record<string, number>;
  ratings: number[];
  feedbackReasons: Array<{ reason: string; count: number }>;
}

export interface DayFigures {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  conversations: number;
  messages: number;
  handoffs: number;
}

export interface KnowledgeGap {
  key: string;
  question: string;
  count: number;
  handled: boolean;
}

/** Counts for the coordinator, and the questions the bot could not answer. */
export interface UsageStats {
  record(event: UsageEvent): Promise<void>;
  totals(period: Period): Promise<UsageTotals>;
  perDay(period: Period): Promise<DayFigures[]>;
  /** Every (area, category) pair with its count in the period; suppression is the caller's job. */
  needs(period: Period): Promise<Array<{ area: string; category: string; count: number }>>;
  /** Questions answered "not sure" in the period, grouped by key, most asked first. */
  gaps(period: Period, options: { includeHandled: boolean; limit: number }): Promise<KnowledgeGap[]>;
  /** Marks a gap as handled (the knowledge was added); false when unknown. */
  markGapHandled(key: string, at: Date): Promise<boolean>;
  /** Unlinks a conversation from the figures and removes the questions only it asked. */
  forgetConversation(conversationKey: string): Promise<void>;
}

export interface CheckIn {
  id: number;
  conversationId: string;
  userId: string;
  listingId: string;
  listingName: string;
  status: "scheduled" | "asked" | "answered";
  dueAt: Date;
  went?: boolean;
  /** A reason code (`no_time`, `too_far`, `closed`, `other`) when the resident did not go. */
  reason?: string;
}

export interface ListingOutcome {
  listingId: string;
  listingName: string;
  went: number;
  notWent: number;
  reasons: Array<{ reason: string; count: number }>;
}

/** "Ben je gegaan?" check-ins: opt-in only, erased with `/vergeet`. */
export interface CheckIns {
  /** Schedules one; an existing scheduled check-in of the conversation is replaced. */
  schedule(checkIn: Pick<CheckIn, "conversationId" | "userId" | "listingId" | "listingName" | "dueAt">, at: Date): Promise<CheckIn>;
  /** Scheduled check-ins due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<CheckIn[]>;
  /** scheduled → asked; false when another instance got there first. */
  markAsked(id: number, at: Date): Promise<boolean>;
  /** The asked check-in of a conversation, waiting for an answer. */
  awaiting(conversationId: string): Promise<CheckIn | undefined>;
  /** Records the answer once; `reason` may follow in a second call. */
  answer(id: number, went: boolean, reason: string | undefined, at: Date): Promise<boolean>;
  outcomes(): Promise<ListingOutcome[]>;
  /** Removes every check-in of a user; returns how many. */
  forgetUser(userId: string): Promise<number>;
}

/** Every desk store, on the database of the other stores (SQLite or PostgreSQL); closed with them. */
export interface DeskStores {
  users: DeskUsers;
  sessions: DeskSessions;
  audit: DeskAudit;
  replies: SavedReplies;
  usage: UsageStats;
  checkIns: CheckIns;
}
