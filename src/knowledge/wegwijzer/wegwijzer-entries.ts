/**
 * Reads the wegwijzer: short plain-language explanations for residents (`knowledge/wegwijzer/*.md`)
 * and the cue words (`cues.json`) that say what part of an entry a question asks for. The entries
 * are written in our own words, each with the public page its facts were checked against.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseFrontMatter } from "../markdown-document.js";

/** One part of an entry: "Wat is het", "Wat kost het", … or a topic's own heading ("Wat helpt"). */
export interface EntrySection {
  heading: string;
  text: string;
}

export interface WegwijzerEntry {
  id: string;
  title: string;
  /** Names residents use for the topic; the first is its own name. Lowercase, `|`-separated in the file. */
  terms: string[];
  /**
   * Words that name only the kind of help ("uitkering"): they find this entry, but any entry named
   * more specifically in the same message wins ("ontslagen, hoe krijg ik een uitkering" is the WW).
   */
  broad: string[];
  /**
   * What residents describe when they need this help without naming it ("steunkousen aan",
   * "trap niet op slaapkamer boven"): each situation is a few words that must all occur close
   * together, in any order; a word may have alternatives written with `/` ("trap/traplift").
   * Lowercase, `|`-separated in the file.
   */
  situations: string[];
  publisher: string;
  url: string;
  /** What one gemeente decides about this topic; such questions get the honest route, never a guess. */
  local?: string;
  /** Who else can answer a local question (added before the gemeente and the wijkteam). */
  route?: string;
  /**
   * `circumstance`: the topic mostly names a person's situation (an illness, an income); `route`:
   * it names a professional or place someone may go through (the huisarts, the wijkteam). Named
   * beside a topic for the help itself, such an entry gives way: "mijn moeder heeft dementie, ik
   * ben op" asks for help for the mantelzorger, "moet dat via de huisarts?" for the help itself.
   */
  role?: "circumstance" | "route";
  /** The listings hold where and when (buurthuizen, spreekuren): found listings answer a local question better than the route. */
  listed?: boolean;
  sections: EntrySection[];
}

export interface WegwijzerCues {
  /** Section heading (lowercase) → words or phrases that ask for it. */
  sections: Record<string, string[]>;
  /** Words or phrases that ask for what one gemeente decides. */
  local: string[];
  /** Words that name the gemeente (or "here") itself. */
  gemeente: string[];
  /**
   * Words or phrases that, without a known topic and without naming the gemeente, still ask what
   * one gemeente decides ("tot welk inkomen", "regeling"): such a question gets the route to the
   * gemeente when the sources have no answer.
   */
  localAlone?: string[];
  /**
   * Words or phrases that ask for what follows them ("hulp bij", "kan iemand", "hoe krijg"): a topic
   * named there is what the person asks for, and wins over one that only names the background.
   */
  needBefore?: string[];
  /** The same for words after the topic ("… nodig", "… aanvragen"). */
  needAfter?: string[];
  /** Words that ask how two topics differ ("verschil"): two topics named there are both explained. */
  compare?: string[];
  /** Words that, at the start of a clause, make it the one that asks ("hoe", "kan", "is er"). */
  questionWords?: string[];
}

const Cues = z.object({
  sections: z.record(z.string(), z.array(z.string())),
  local: z.array(z.string()),
  gemeente: z.array(z.string()),
  localAlone: z.array(z.string()).default([]),
  needBefore: z.array(z.string()).default([]),
  needAfter: z.array(z.string()).default([]),
  compare: z.array(z.string()).default([]),
  questionWords: z.array(z.string()).default([]),
});

const Meta = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "id: kleine letters, cijfers en streepjes"),
  title: z.string().min(1),
  terms: z.string().min(1),
  broad: z.string().optional(),
  situations: z.string().optional(),
  publisher: z.string().min(1),
  url: z.string().regex(/^https?:\/\//, "url: het adres van de openbare pagina met de feiten"),
  audience: z.literal("residents"),
  local: z.string().optional(),
  route: z.string().optional(),
  role: z.enum(["circumstance", "route"]).optional(),
  listed: z.enum(["true", "false"]).optional(),
});

/** The sections every entry must have, so any question about the topic can be answered. */
export const REQUIRED_SECTIONS = ["wat is het", "voor wie", "wat kost het", "wat kunt u doen"] as const;

/** Parses one entry file; throws with the file name and the field when it is not valid. */
export function parseEntry(text: string, fileName: string): WegwijzerEntry {
  const { fields, body } = parseFrontMatter(text);
  const parsed = Meta.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Wegwijzer ${fileName}: ${issue.path.join(".") || "front matter"}: ${issue.message}`);
  }
  const sections: EntrySection[] = [];
  for (const block of body.split(/^## /m).slice(1)) {
    const newline = block.indexOf("\n");
    const heading = (newline === -1 ? block : block.slice(0, newline)).trim();
    const content = (newline === -1 ? "" : block.slice(newline + 1)).replace(/\s+/g, " ").trim();
    if (heading && content) sections.push({ heading, text: content });
  }
  for (const required of REQUIRED_SECTIONS) {
    if (!sections.some((s) => s.heading.toLowerCase() === required)) {
      throw new Error(`Wegwijzer ${fileName}: de sectie "## ${required[0]!.toUpperCase()}${required.slice(1)}" ontbreekt`);
    }
  }
  const meta = parsed.data;
  return {
    id: meta.id,
    title: meta.title,
    terms: splitTerms(meta.terms),
    broad: splitTerms(meta.broad ?? ""),
    situations: splitTerms(meta.situations ?? ""),
    publisher: meta.publisher,
    url: meta.url,
    ...(meta.local ? { local: meta.local } : {}),
    ...(meta.route ? { route: meta.route } : {}),
    ...(meta.role ? { role: meta.role } : {}),
    ...(meta.listed === "true" ? { listed: true } : {}),
    sections,
  };
}

function splitTerms(text: string): string[] {
  return text.split("|").map((t) => t.trim().toLowerCase()).filter(Boolean);
}

/** Reads `<knowledgeDir>/wegwijzer`; an absent folder means no wegwijzer (empty), a bad file is an error. */
export function readWegwijzer(knowledgeDir: string): { entries: WegwijzerEntry[]; cues: WegwijzerCues } {
  const dir = join(knowledgeDir, "wegwijzer");
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".md") && !n.startsWith("."));
  } catch {
    return { entries: [], cues: { sections: {}, local: [], gemeente: [], localAlone: [], needBefore: [], needAfter: [], compare: [], questionWords: [] } };
  }
  names.sort();
  const entries = names.map((name) => parseEntry(readFileSync(join(dir, name), "utf8"), name));
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`Wegwijzer: id "${entry.id}" komt twee keer voor`);
    ids.add(entry.id);
  }
  // Without cue words every question gets the explanation; a cues file that is there must be valid.
  let cuesText: string;
  try {
    cuesText = readFileSync(join(dir, "cues.json"), "utf8");
  } catch {
    return { entries, cues: { sections: {}, local: [], gemeente: [], localAlone: [], needBefore: [], needAfter: [], compare: [], questionWords: [] } };
  }
  const cues = Cues.safeParse(JSON.parse(cuesText));
  if (!cues.success) throw new Error(`Wegwijzer cues.json: ${cues.error.issues[0]!.path.join(".")}: ${cues.error.issues[0]!.message}`);
  return { entries, cues: cues.data };
}
