import { DAY_CODES, type ScheduleEntry } from "./listing-model.js";

const NTH_CODES: Record<string, ScheduleEntry["nth"]> = { "1e": 1, "2e": 2, "3e": 3, "4e": 4, laatste: -1 };
const NTH_LABELS: Record<number, string> = { 1: "1e", 2: "2e", 3: "3e", 4: "4e", [-1]: "laatste" };

export type ScheduleParse = { ok: true; entries: ScheduleEntry[] } | { ok: false; error: string };

/**
 * Parses the schedule notation of docs/contracts.md: `;`-separated `[NTH ]DAY HH:MM-HH:MM`, e.g.
 * `di 10:00-12:00; 1e do 19:00-21:00`. Empty means "op afspraak" (no entries). Errors are Dutch
 * and say exactly which part is wrong, because a municipality worker reads them in the import report.
 */
export function parseSchedule(text: string): ScheduleParse {
  const entries: ScheduleEntry[] = [];
  const parts = text
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  for (const part of parts) {
    const match = /^(?:(1e|2e|3e|4e|laatste)\s+)?([a-z]{2})\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/i.exec(part);
    if (!match) {
      return { ok: false, error: `"${part}" klopt niet; schrijf bijvoorbeeld "di 10:00-12:00" of "1e do 19:00-21:00"` };
    }
    const [, nthText, dayText, h1, m1, h2, m2] = match;
    const day = (DAY_CODES as readonly string[]).indexOf(dayText!.toLowerCase());
    if (day < 0) return { ok: false, error: `onbekende dag "${dayText}" in "${part}"; gebruik ma, di, wo, do, vr, za of zo` };
    const start = toMinutes(h1!, m1!, false);
    const end = toMinutes(h2!, m2!, true);
    if (start === undefined) return { ok: false, error: `tijd ${h1}:${m1} bestaat niet (in "${part}")` };
    if (end === undefined) return { ok: false, error: `tijd ${h2}:${m2} bestaat niet (in "${part}")` };
    if (end <= start) return { ok: false, error: `eindtijd ${h2}:${m2} ligt niet na begintijd ${h1}:${m1} (in "${part}")` };
    entries.push({ day, nth: nthText ? NTH_CODES[nthText.toLowerCase()]! : 0, start, end });
  }
  return { ok: true, entries };
}

/** The canonical notation of entries (what is stored and shown to the import report). */
export function formatSchedule(entries: ScheduleEntry[]): string {
  return entries
    .map((e) => `${e.nth === 0 ? "" : `${NTH_LABELS[e.nth]} `}${DAY_CODES[e.day]} ${clock(e.start)}-${clock(e.end)}`)
    .join("; ");
}

/** `HH:MM` for minutes since midnight (24:00 allowed as an end time). */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function toMinutes(h: string, m: string, isEnd: boolean): number | undefined {
  const hours = Number(h);
  const mins = Number(m);
  if (mins > 59) return undefined;
  if (hours > 24 || (hours === 24 && (mins !== 0 || !isEnd))) return undefined;
  return hours * 60 + mins;
}
