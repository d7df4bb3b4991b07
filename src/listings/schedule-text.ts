import type { ScheduleEntry } from "./listing-model.js";
import type { ScheduleParse } from "./schedule.js";

/**
 * Reads a schedule as coordinators write it in a spreadsheet ("dinsdag 10.00-12.00", "ma t/m vr 9-17",
 * "elke dinsdag van 10.00 tot 12.00 uur", "ma/wo 9:30-11", "1e en 3e do 19-21") into the entries of the
 * canonical notation (`di 10:00-12:00`, see schedule.ts). What could mean two things ("ma tot vr",
 * "di 2-4", "dinsdagavond 7-9", a day without a time) is refused with a Dutch message that shows the
 * accepted form. These words are the grammar of the CSV format (docs/contracts.md), like its column names.
 */

const EXAMPLE = 'schrijf bijvoorbeeld "di 10:00-12:00", "ma t/m vr 09:00-17:00", "ma/wo 09:30-11:00" of "1e do 19:00-21:00"';

/** Day names and their common short forms, Monday = 0. */
const DAY_WORDS: Record<string, number> = {
  maandag: 0, ma: 0, maa: 0, maan: 0,
  dinsdag: 1, di: 1, din: 1, dins: 1,
  woensdag: 2, wo: 2, woe: 2, woen: 2, woens: 2,
  donderdag: 3, do: 3, don: 3, dond: 3, donder: 3,
  vrijdag: 4, vr: 4, vrij: 4, vri: 4,
  zaterdag: 5, za: 5, zat: 5, zater: 5,
  zondag: 6, zo: 6, zon: 6,
};
const FULL_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

/** Words for several days at once. */
const DAY_GROUPS: Record<string, number[]> = {
  dagelijks: [0, 1, 2, 3, 4, 5, 6], dag: [0, 1, 2, 3, 4, 5, 6], dagen: [0, 1, 2, 3, 4, 5, 6],
  werkdagen: [0, 1, 2, 3, 4], werkdag: [0, 1, 2, 3, 4], doordeweeks: [0, 1, 2, 3, 4], weekdagen: [0, 1, 2, 3, 4],
  weekend: [5, 6], weekenden: [5, 6],
};

const NTH_WORDS: Record<string, ScheduleEntry["nth"]> = {
  "1e": 1, "1ste": 1, eerste: 1, "2e": 2, "2de": 2, tweede: 2, "3e": 3, "3de": 3, derde: 3, "4e": 4, "4de": 4, vierde: 4, laatste: -1,
};

/** Parts of the day, with the start times that fit them (minutes). */
const PARTS: Record<string, { label: string; from: number; to: number }> = {
  ochtend: { label: "ochtend", from: 0, to: 12 * 60 },
  morgen: { label: "ochtend", from: 0, to: 12 * 60 },
  middag: { label: "middag", from: 11 * 60, to: 18 * 60 },
  avond: { label: "avond", from: 17 * 60, to: 24 * 60 },
};
const PART_WORDS: Record<string, string> = {
  ochtend: "ochtend", ochtends: "ochtend", morgens: "ochtend", middag: "middag", middags: "middag", avond: "avond", avonds: "avond",
};

/** Words that add nothing to the schedule ("elke dinsdag", "op woensdag", "10 uur", "in het weekend"). */
const FILLERS = new Set(["elke", "iedere", "ieder", "alle", "op", "wekelijks", "uur", "u", "in", "het", "s", "van", "om", "'s"]);

/** "om de week", "om de twee weken", "even weken": not a weekly or monthly pattern. */
const EVERY_OTHER = /\bom\s+de\s+(?:week|twee|2|drie|3|andere|veertien)\b|\b(?:on)?even\s+weken?\b|\b(?:tweewekelijks|twee-wekelijks|veertiendaags)\b/;

type Token =
  | { kind: "day"; days: number[]; part?: string; text: string }
  | { kind: "nth"; nth: ScheduleEntry["nth"]; text: string }
  | { kind: "time"; minutes: number; text: string; bareSmallHour: boolean }
  | { kind: "part"; part: string; text: string }
  | { kind: "through" | "dash" | "tot" | "join" | "sep" | "van"; text: string }
  | { kind: "unknown"; text: string };

/** Lenient reading of a schedule cell; canonical text reads the same as with {@link parseSchedule}. */
export function readScheduleText(text: string): ScheduleParse {
  const value = text.trim();
  if (value === "") return { ok: true, entries: [] };
  if (EVERY_OTHER.test(value.toLowerCase())) {
    return fail("een schema om de week (of om de zoveel weken) kan Wijkwijzer niet als vaste tijd tonen; schrijf het als bijvoorbeeld \"1e di 10:00-12:00; 3e di 10:00-12:00\" of zet het in de beschrijving en laat schedule leeg", value);
  }
  const tokens = tokenize(value);
  if (!Array.isArray(tokens)) return fail(tokens.error, value);
  const entries: ScheduleEntry[] = [];
  let i = 0;
  const at = (k: number) => tokens[k];
  const skipJoins = () => {
    while (at(i)?.kind === "join" || at(i)?.kind === "sep") i++;
  };
  skipJoins();
  while (i < tokens.length) {
    // SPEC (en SPEC)* [PART] TIMES (en TIMES)*, SPEC = [NTH (en NTH)*] DAYS; DAYS = DAY, DAY t/m DAY, DAY/DAY, ...
    const specs: Array<{ nths: Array<ScheduleEntry["nth"]>; days: number[] }> = [];
    let part: string | undefined;
    for (;;) {
      // "van maandag t/m vrijdag".
      if (at(i)?.kind === "van" && (at(i + 1)?.kind === "day" || at(i + 1)?.kind === "nth")) i++;
      const nths: Array<ScheduleEntry["nth"]> = [];
      while (at(i)?.kind === "nth") {
        nths.push((at(i) as { nth: ScheduleEntry["nth"] }).nth);
        i++;
        if (at(i)?.kind === "join" && at(i + 1)?.kind === "nth") i++;
      }
      const days: number[] = [];
      let items = 0;
      while (at(i)?.kind === "day") {
        const first = at(i) as Extract<Token, { kind: "day" }>;
        part = first.part ?? part;
        items++;
        i++;
        const link = at(i);
        const next = at(i + 1);
        if ((link?.kind === "through" || link?.kind === "dash" || link?.kind === "tot") && next?.kind === "day") {
          if (link.kind === "tot") return fail(`"${first.text} tot ${next.text}" kan twee dingen betekenen; schrijf "${first.text} t/m ${next.text}" als ${FULL_DAYS[next.days[0]!]} meetelt`, value);
          const from = first.days[first.days.length - 1]!;
          const to = next.days[0]!;
          if (to < from) return fail(`"${first.text} t/m ${next.text}" loopt terug in de week; schrijf de dagen van maandag naar zondag`, value);
          for (let d = from; d <= to; d++) if (!days.includes(d)) days.push(d);
          items++;
          part = next.part ?? part;
          i += 2;
        } else for (const d of first.days) if (!days.includes(d)) days.push(d);
        if (at(i)?.kind === "join" && at(i + 1)?.kind === "day") i++;
      }
      if (days.length === 0) {
        const t = at(i);
        if (t?.kind === "time") return fail(`bij ${t.text} staat geen dag`, value);
        if (t?.kind === "unknown") return fail(unknownMessage(t.text, at(i + 1)), value);
        if (nths.length > 0) return fail(`na "${tokens[i - 1]?.text}" moet één dag staan`, value);
        return fail(`"${t?.text ?? value}" begrijp ik hier niet`, value);
      }
      if (nths.length > 0 && (items > 1 || days.length > 1)) {
        return fail(`bij "${nths.map(nthLabel).join(" en ")}" hoort één dag; schrijf elke dag apart, bijvoorbeeld "1e ma 10:00-12:00; 1e wo 10:00-12:00" of "1e ma 10:00-12:00; wo 10:00-12:00"`, value);
      }
      specs.push({ nths, days });
      if (at(i)?.kind === "join" && at(i + 1)?.kind === "nth") {
        i++;
        continue;
      }
      break;
    }
    const days = [...new Set(specs.flatMap((s) => s.days))];
    if (at(i)?.kind === "part") {
      part = (at(i) as { part: string }).part;
      i++;
    }
    const ranges: Array<[number, number]> = [];
    for (;;) {
      if (at(i)?.kind === "join" && (at(i + 1)?.kind === "time" || at(i + 1)?.kind === "van")) i++;
      if (at(i)?.kind === "van") i++;
      const start = at(i);
      if (start?.kind !== "time") break;
      const link = at(i + 1);
      const end = at(i + 2);
      if (!(link?.kind === "dash" || link?.kind === "tot") || end?.kind !== "time") {
        return fail(`bij ${dayList(days)} staat alleen een begintijd (${start.text}); zet er een eindtijd bij, bijvoorbeeld "${start.text}-12:00"`, value);
      }
      i += 3;
      if (start.bareSmallHour && start.minutes < 7 * 60) {
        return fail(`${start.text}-${end.text} zou 's nachts zijn; schrijf tijden van 0 tot 24 uur, bijvoorbeeld ${clockOf(start.minutes + 720)}-${clockOf(end.minutes + 720)}`, value);
      }
      if (end.minutes <= start.minutes) return fail(`eindtijd ${end.text} ligt niet na begintijd ${start.text}; schrijf tijden van 0 tot 24 uur (bijvoorbeeld 13:00-17:00)`, value);
      if (end.minutes > 24 * 60) return fail(`tijd ${end.text} bestaat niet`, value);
      if (part) {
        const fit = PARTS[part]!;
        if (start.minutes < fit.from || start.minutes >= fit.to) {
          return fail(`${start.text}-${end.text} valt niet in de ${fit.label}; schrijf tijden van 0 tot 24 uur (bijvoorbeeld 19:00-21:00 voor de avond)`, value);
        }
      }
      ranges.push([start.minutes, end.minutes]);
    }
    if (ranges.length === 0) {
      const t = at(i);
      if (t && t.kind === "unknown") return fail(unknownMessage(t.text, at(i + 1)), value);
      if (t && t.kind !== "join" && t.kind !== "sep") return fail(`"${t.text}" begrijp ik hier niet`, value);
      return fail(`bij ${dayList(days)} staat geen tijd`, value);
    }
    for (const spec of specs) {
      for (const nth of spec.nths.length > 0 ? spec.nths : [0 as const]) {
        for (const day of spec.days) {
          for (const [start, end] of ranges) {
            if (!entries.some((e) => e.day === day && e.nth === nth && e.start === start && e.end === end)) entries.push({ day, nth, start, end });
          }
        }
      }
    }
    const after = at(i);
    if (after && after.kind !== "join" && after.kind !== "sep") {
      if (after.kind === "unknown") return fail(unknownMessage(after.text, at(i + 1)), value);
      return fail(`"${after.text}" begrijp ik hier niet`, value);
    }
    skipJoins();
  }
  return { ok: true, entries };
}

function fail(problem: string, value: string): ScheduleParse {
  return { ok: false, error: `${problem} (in "${value}"); ${EXAMPLE}` };
}

function unknownMessage(word: string, next: Token | undefined): string {
  if (next?.kind === "unknown") return `"${word} ${next.text}" begrijp ik niet in een tijdschema`;
  if (next?.kind === "time" && /^[a-z]{2,3}\.?$/.test(word)) return `onbekende dag "${word}"; gebruik ma, di, wo, do, vr, za of zo (of de hele naam)`;
  return `"${word}" begrijp ik niet in een tijdschema`;
}

function nthLabel(nth: number): string {
  return nth === -1 ? "laatste" : `${nth}e`;
}

function dayList(days: number[]): string {
  return days.map((d) => FULL_DAYS[d]).join(", ");
}

function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Splits the text into tokens; a time that does not exist is an error right away. */
function tokenize(value: string): Token[] | { error: string } {
  const text = value
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019`]/g, "'")
    // "van de maand", "per maand": the ordinal already says it is monthly.
    .replace(/\b(?:van de|vd|v\.d\.|per|in de|elke) maand\b/g, " ");
  const tokens: Token[] = [];
  let rest = text;
  const take = (n: number) => {
    rest = rest.slice(n);
  };
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space) {
      if (space[0].includes("\n")) tokens.push({ kind: "sep", text: "\n" });
      take(space[0].length);
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(?:t\/m|tot\s+en\s+met|t\.?m\.?(?![a-z]))/.exec(rest))) {
      tokens.push({ kind: "through", text: "t/m" });
      take(m[0].length);
      continue;
    }
    if ((m = /^(\d+)(?:e|ste|de)(?![a-z0-9])/.exec(rest))) {
      if (!/^[1-4]$/.test(m[1]!)) return { error: `"${m[0]}" kan niet: een dag komt hooguit 5 keer in een maand voor; gebruik 1e, 2e, 3e, 4e of laatste` };
      tokens.push({ kind: "nth", nth: Number(m[1]) as ScheduleEntry["nth"], text: m[0] });
      take(m[0].length);
      continue;
    }
    // 9, 09, 9:30, 9.30, 9u, 9u30, 9.30u, 9h — optionally followed by "uur".
    if ((m = /^(\d{1,2})(?:[:.](\d{2})|[uh](\d{2})?)?(?!\d|[:.]\d)(?:\s*(?:uur|u|h)(?![a-z]))?/.exec(rest))) {
      const hours = Number(m[1]);
      const minutes = Number(m[2] ?? m[3] ?? "0");
      const shown = `${m[1]}:${m[2] ?? m[3] ?? "00"}`;
      if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return { error: `tijd ${shown} bestaat niet` };
      tokens.push({ kind: "time", minutes: hours * 60 + minutes, text: m[0].trim(), bareSmallHour: m[1]!.length === 1 && !m[2] && !m[3] });
      take(m[0].length);
      continue;
    }
    if ((m = /^'s\s*/.exec(rest))) {
      take(m[0].length);
      continue;
    }
    if ((m = /^[a-z\u00c0-\u024f']+\.?/.exec(rest))) {
      tokens.push(word(m[0]));
      take(m[0].length);
      continue;
    }
    const ch = rest[0]!;
    if (ch === "-") tokens.push({ kind: "dash", text: "-" });
    else if (ch === "/" || ch === "," || ch === "&" || ch === "+") tokens.push({ kind: "join", text: ch });
    else if (ch === ";" || ch === "|") tokens.push({ kind: "sep", text: ch });
    else if (ch !== "(" && ch !== ")" && ch !== ":") tokens.push({ kind: "unknown", text: ch });
    take(1);
  }
  return tokens.filter((t) => !(t.kind === "unknown" && FILLERS.has(t.text)));
}

function word(raw: string): Token {
  const w = raw.replace(/\.$/, "");
  if (w === "en") return { kind: "join", text: w };
  if (w === "tot") return { kind: "tot", text: w };
  if (w === "van") return { kind: "van", text: w };
  if (w in NTH_WORDS) return { kind: "nth", nth: NTH_WORDS[w]!, text: w };
  if (w in DAY_WORDS) return { kind: "day", days: [DAY_WORDS[w]!], text: w };
  if (w in DAY_GROUPS) return { kind: "day", days: DAY_GROUPS[w]!, text: w };
  if (w in PART_WORDS) return { kind: "part", part: PART_WORDS[w]!, text: w };
  // "dinsdags", "dinsdagavond", "zaterdagochtend".
  const full = /^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(s)?(ochtend|morgen|middag|avond)?$/.exec(w);
  if (full) return { kind: "day", days: [FULL_DAYS.indexOf(full[1]!)], text: w, ...(full[3] ? { part: PART_WORDS[full[3]] ?? "ochtend" } : {}) };
  return { kind: "unknown", text: w };
}
