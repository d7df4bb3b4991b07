/**
 * National services (113, De Luisterlijn, Veilig Thuis, Het Juridisch Loket, …): help that has a
 * phone number or a website but no place, so it is never a listing "near you". They live in
 * `knowledge/services/*.csv` (documented in `knowledge/README.md`) and are indexed as documents, so a
 * question about one ("wat is het nummer van de Luisterlijn?") finds it with its source.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { AUDIENCES, CATEGORIES } from "../listings/listing-model.js";
import type { IndexDocument } from "./knowledge-index.js";

export const SERVICE_COLUMNS = [
  "id", "name", "organization", "description", "categories", "audience", "phone", "website",
  "hours", "cost", "languages", "source_url", "last_verified",
] as const;

export interface NationalService {
  id: string;
  name: string;
  organization: string;
  description: string;
  categories: string[];
  audience: string[];
  phone?: string;
  website?: string;
  hours?: string;
  cost?: string;
  languages: string[];
  /** The public page the phone number, hours and cost were checked against. */
  sourceUrl: string;
  lastVerified: string;
}

const url = z.string().regex(/^https:\/\/[^\s]+$/, "een https-adres");
const listOf = (allowed: readonly string[], what: string) =>
  z
    .string()
    .transform((v) => v.split("|").map((s) => s.trim()).filter(Boolean))
    .refine((items) => items.every((i) => allowed.includes(i)), { message: `onbekende ${what}; kies uit ${allowed.join(", ")}` });

const Row = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "kleine letters, cijfers en streepjes"),
    name: z.string().min(1, "verplicht"),
    organization: z.string().min(1, "verplicht"),
    description: z.string().min(1, "verplicht"),
    categories: listOf(CATEGORIES, "categorie").refine((c) => c.length > 0, { message: "minstens één categorie" }),
    audience: listOf(AUDIENCES, "doelgroep"),
    phone: z.string(),
    website: z.union([z.literal(""), url]),
    hours: z.string(),
    cost: z.string(),
    languages: z.string().transform((v) => v.split("|").map((s) => s.trim()).filter(Boolean)),
    source_url: url,
    last_verified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "JJJJ-MM-DD"),
  })
  .refine((r) => r.phone.trim() !== "" || r.website !== "", { message: "een telefoonnummer of een website is nodig", path: ["phone"] });

/**
 * Parses one services CSV, all or nothing: any bad row is an error naming the row (header = row 1)
 * and the column, so a half-valid file never reaches residents.
 */
export function parseNationalServices(content: string, fileName: string): NationalService[] {
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new Error(`${fileName}: het CSV-bestand is niet goed leesbaar (${error.code})`, { cause: error });
    throw error;
  }
  const [header, ...body] = rows;
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = SERVICE_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new Error(`${fileName}: kolommen ontbreken: ${missing.join(", ")}`);
  const seen = new Set<string>();
  return body.map((cells, i) => {
    const record = Object.fromEntries(names.map((n, j) => [n, (cells[j] ?? "").trim()]));
    const parsed = Row.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${fileName} rij ${i + 2}, kolom ${issue.path.join(".") || "?"}: ${issue.message}`);
    }
    const r = parsed.data;
    if (seen.has(r.id)) throw new Error(`${fileName} rij ${i + 2}: id "${r.id}" komt twee keer voor`);
    seen.add(r.id);
    return {
      id: r.id,
      name: r.name,
      organization: r.organization,
      description: r.description,
      categories: r.categories,
      audience: r.audience,
      ...(r.phone ? { phone: r.phone } : {}),
      ...(r.website ? { website: r.website } : {}),
      ...(r.hours ? { hours: r.hours } : {}),
      ...(r.cost ? { cost: r.cost } : {}),
      languages: r.languages,
      sourceUrl: r.source_url,
      lastVerified: r.last_verified,
    };
  });
}

/** Reads every `<knowledgeDir>/services/*.csv`; no folder means no national services. */
export function readNationalServices(knowledgeDir: string): NationalService[] {
  const dir = join(knowledgeDir, "services");
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".csv")).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => parseNationalServices(readFileSync(join(dir, name), "utf8"), name));
}

/** A service as an index document: what it is, how to reach it, and that it is national (no address). */
export function serviceDocument(s: NationalService): IndexDocument {
  const lines = [
    `${s.name}: ${s.description}`,
    s.organization !== s.name ? `Van: ${s.organization}.` : "",
    s.phone ? `Telefoon: ${s.phone}.` : "",
    s.website ? `Website: ${s.website.replace(/^https:\/\/(www\.)?/, "").replace(/\/$/, "")}.` : "",
    s.hours ? `Bereikbaar: ${s.hours}.` : "",
    s.cost ? `Kosten: ${s.cost}.` : "",
    "Landelijk: overal in Nederland, zonder adres.",
  ].filter(Boolean);
  return { id: `service:${s.id}`, title: s.name, text: lines.join("\n"), url: s.website ?? s.sourceUrl, publisher: s.organization, kind: "listing" };
}
