/** Field by field mapping of HSDS values onto the listing model, for `readHsdsData`. */
import { AUDIENCES, CATEGORIES } from "./listing-model.js";
import type { ImportIssue } from "./import-report.js";
import type { ListingClassifier, TermRef } from "./hsds-categories.js";
import { asList, isObj, str, type Obj, type Row, type Tables } from "./hsds-tables.js";

const DUTCH = new Set(["nl", "nld", "netherlands", "nederland", "the netherlands"]);

/** Categories and audience: our own fields as given, then mapped taxonomy terms, then the words of name and description. */
export function classify(service: Row, t: Tables, terms: Map<string, Row>, classifier: ListingClassifier | undefined, id: string, warnings: ImportIssue[]) {
  const refs = termsOf(service, t, terms);
  const own = (v: unknown) => asList(v).flatMap((x) => (typeof x === "string" ? x.split("|") : [])).map((x) => x.trim()).filter(Boolean);
  const given = own(service.categories);
  const direct = refs.flatMap((r) => [r.code, r.name]).map((v) => (v ?? "").trim().toLowerCase());
  const mapped = classifier?.fromTerms(refs) ?? { categories: [], audiences: [] };
  let categories = [...new Set([...given, ...direct.filter((v) => (CATEGORIES as readonly string[]).includes(v)), ...mapped.categories])];
  const where = { path: service.__path, ...(id ? { id } : {}), field: "categories" };
  const termText = refs.map((r) => r.name || r.code).filter(Boolean).slice(0, 3).map((x) => `"${x}"`).join(", ");
  if (categories.length === 0 && classifier) {
    categories = classifier.fromText(str(service.name), str(service.description));
    if (categories.length > 0) {
      warnings.push({ ...where, message: `categorie afgeleid uit naam en beschrijving: ${categories.join(", ")}${termText ? ` (taxonomie ${termText} staat niet in hsds-taxonomy-map.json)` : ""}` });
    } else {
      categories = ["informatie-en-advies"];
      warnings.push({ ...where, message: `geen categorie herkend${termText ? ` (taxonomie ${termText} staat niet in hsds-taxonomy-map.json)` : ""}; ingedeeld als informatie-en-advies. Voeg de term toe aan de tabel of geef de service een categorie` });
    }
  }
  const audience = [...new Set([...own(service.audience), ...direct.filter((v) => (AUDIENCES as readonly string[]).includes(v)), ...mapped.audiences, ...ageAudience(service)])];
  return { categories, audience };
}

/** Taxonomy terms of a service: nested (HSDS 3 `attributes[].taxonomy_term`, `taxonomy_terms`) or linked by id in tables. */
export function termsOf(service: Row, t: Tables, terms: Map<string, Row>): TermRef[] {
  const out: TermRef[] = [];
  const add = (term: Obj | undefined, fallback?: string) => {
    if (term) out.push({ code: str(term.code) || str(term.term_code), name: str(term.name) || str(term.term) || fallback || "" });
    else if (fallback) out.push({ name: fallback });
  };
  for (const item of [...asList(service.attributes), ...asList(service.taxonomy_terms), ...asList(service.taxonomy_term)]) {
    if (typeof item === "string") add(undefined, item);
    else if (isObj(item)) add(isObj(item.taxonomy_term) ? (item.taxonomy_term as Obj) : terms.get(str(item.taxonomy_term_id)) ?? item, str(item.value));
  }
  const sid = str(service.id);
  for (const link of t.attributes) {
    if (str(link.link_id) !== sid && str(link.service_id) !== sid) continue;
    const term = terms.get(str(link.taxonomy_term_id) || str(link.taxonomy_id));
    add(term, str(link.taxonomy_detail) || str(link.value));
  }
  return out.filter((r) => r.code || r.name);
}

/** `locations[1].latitude` in JSON; `latitude (locations.csv rij 2)` in a CSV table. */
export function fieldAt(path: string, field: string): string {
  return path.includes(" rij ") ? `${field} (${path})` : `${path}.${field}`;
}

/** A Dutch listing needs a Dutch postcode (validation checks it); a foreign one is not ours to check and is left out. */
export function postcodeOf(address: Row | undefined, id: string, warnings: ImportIssue[]): string {
  const postcode = str(address?.postal_code);
  const country = str(address?.country).toLowerCase();
  if (!postcode || !country || DUTCH.has(country)) return postcode;
  warnings.push({ path: address!.__path, id, field: "postal_code", message: `adres in het buitenland (${str(address?.country)}): postcode "${postcode}" niet overgenomen` });
  return "";
}

/** ISO 639-1 codes; ISO 639-3 codes (`nld`, `ara`) are turned into them, anything else is left out with a warning. */
export function languageCodes(rows: unknown[], id: string, path: string, warnings: ImportIssue[]): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    const value = typeof row === "string" ? row : isObj(row) ? str(row.code) || str(row.language) : "";
    if (!value) continue;
    let code: string | undefined;
    try {
      code = new Intl.Locale(value.replace("_", "-")).language;
    } catch {
      code = undefined;
    }
    if (code && /^[a-z]{2}$/.test(code)) out.add(code);
    else warnings.push({ path, id, field: "languages", message: `taal "${value}" is geen ISO 639-code; niet overgenomen` });
  }
  return [...out];
}

export function ageAudience(service: Obj): string[] {
  const eligibility = [service, ...asList(service.eligibility)].filter(isObj) as Obj[];
  for (const e of eligibility) {
    const min = Number(e.minimum_age);
    const max = Number(e.maximum_age);
    if (Number.isFinite(min) && min >= 55) return ["ouderen"];
    if (Number.isFinite(max) && max > 0 && max <= 12) return ["kinderen"];
    if (Number.isFinite(max) && max > 12 && max <= 27 && (!Number.isFinite(min) || min >= 10)) return ["jongeren"];
  }
  return [];
}

export function costOptions(options: Row[]): string {
  if (options.length === 0) return "";
  const amounts = options.map((o) => Number(o.amount)).filter((n) => Number.isFinite(n));
  if (amounts.length > 0 && amounts.every((n) => n === 0)) return "gratis";
  const first = options[0]!;
  const currency = str(first.currency).toUpperCase();
  const symbol = !currency || currency === "EUR" ? "€" : `${currency} `;
  const amount = Number(first.amount);
  if (str(first.amount) !== "" && Number.isFinite(amount)) {
    return [`${symbol}${amount.toFixed(2).replace(".", ",")}`, str(first.amount_description), str(first.option) ? `(${str(first.option)})` : ""].filter(Boolean).join(" ");
  }
  return str(first.amount_description) || str(first.option);
}
