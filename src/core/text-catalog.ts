/**
 * The fixed texts residents read, per language, as data (`knowledge/texts/<code>.json`). Dutch is
 * the reference: every other file has the same keys and placeholders (checked by a test, and by
 * the compiler through {@link TextCatalog}). A file may be partial when it names a `$fallback`
 * language (Somali and Tigrinya: the most-read texts translated, the rest English): its keys must
 * still be Dutch keys with the same placeholders. A language without a file gets Dutch.
 */
import ar from "../../knowledge/texts/ar.json" with { type: "json" };
import de from "../../knowledge/texts/de.json" with { type: "json" };
import en from "../../knowledge/texts/en.json" with { type: "json" };
import es from "../../knowledge/texts/es.json" with { type: "json" };
import fa from "../../knowledge/texts/fa.json" with { type: "json" };
import fr from "../../knowledge/texts/fr.json" with { type: "json" };
import nl from "../../knowledge/texts/nl.json" with { type: "json" };
import pl from "../../knowledge/texts/pl.json" with { type: "json" };
import pt from "../../knowledge/texts/pt.json" with { type: "json" };
import ru from "../../knowledge/texts/ru.json" with { type: "json" };
import so from "../../knowledge/texts/so.json" with { type: "json" };
import ti from "../../knowledge/texts/ti.json" with { type: "json" };
import tr from "../../knowledge/texts/tr.json" with { type: "json" };
import uk from "../../knowledge/texts/uk.json" with { type: "json" };

/** The shape of a language file (the Dutch file's). */
export type TextCatalog = Omit<typeof nl, "$comment">;

// The compiler checks every file has the Dutch file's keys; the test checks the placeholders too.
const FULL: Record<string, TextCatalog> = { nl, en, ar, tr, pl, uk, ru, fa, es, fr, de, pt };
const CATALOGS: Record<string, TextCatalog> = { ...FULL, so: withFallback(so), ti: withFallback(ti) };

/** A partial file over the full file it names as `$fallback`: every key it has wins, list or text. */
function withFallback(partial: { $fallback: string }): TextCatalog {
  const base = FULL[partial.$fallback];
  if (!base) throw new Error(`texts: unknown $fallback "${partial.$fallback}"`);
  return merge(base, partial) as TextCatalog;
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over ?? base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) if (!key.startsWith("$")) out[key] = merge(base[key], value);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What `WIJKTEAM_CONTACT` says when a gemeente has not set it: the Dutch default, said in each language by `core.defaultContact`. */
export const DEFAULT_WIJKTEAM_CONTACT = nl.core.defaultContact;

/** The wijkteam contact for a text in `language`: the gemeente's own words as set, or the default in that language. */
export function localContact(contact: string, language: string | undefined): string {
  return contact === DEFAULT_WIJKTEAM_CONTACT ? catalog(language).core.defaultContact : contact;
}

/** Codes that have a text file, Dutch first. */
export const CATALOG_LANGUAGES: readonly string[] = Object.keys(CATALOGS);

/** The texts in `language`, or the Dutch ones when there is no file for it. */
export function catalog(language: string | undefined): TextCatalog {
  return (language && CATALOGS[language]) || nl;
}

/** True when the fixed texts exist in this language (so the reply can be in it). */
export function hasTexts(language: string): boolean {
  return language in CATALOGS;
}

/** Fills `{name}` placeholders; a list of lines is joined with `separator` first. */
export function fill(template: string | readonly string[], params: Record<string, string | number> = {}, separator = "\n"): string {
  const text = typeof template === "string" ? template : template.join(separator);
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
