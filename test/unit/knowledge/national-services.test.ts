import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseNationalServices, readNationalServices, SERVICE_COLUMNS, serviceDocument } from "../../../src/knowledge/national-services.js";

const header = SERVICE_COLUMNS.join(",");
const row = (cells: Partial<Record<(typeof SERVICE_COLUMNS)[number], string>>) =>
  SERVICE_COLUMNS.map((c) => {
    const value = cells[c] ?? { id: "lijn", name: "Lijn", organization: "Org", description: "Praten.", categories: "gezondheid-en-welzijn", audience: "", phone: "0800-0000", website: "https://lijn.example", hours: "dag en nacht", cost: "gratis", languages: "nl", source_url: "https://bron.example/lijn", last_verified: "2026-12-01" }[c];
    return value.includes(",") ? `"${value}"` : value;
  }).join(",");

describe("national services", () => {
  it("reads a valid file and makes an index document that says it has no address", () => {
    const [service] = parseNationalServices(`${header}\n${row({})}\n`, "t.csv");
    expect(service).toMatchObject({ id: "lijn", phone: "0800-0000", website: "https://lijn.example", sourceUrl: "https://bron.example/lijn" });
    const doc = serviceDocument(service!);
    expect(doc).toMatchObject({ id: "service:lijn", title: "Lijn", url: "https://lijn.example", publisher: "Org", kind: "listing" });
    expect(doc.text).toContain("Telefoon: 0800-0000.");
    expect(doc.text).toContain("zonder adres");
  });

  it("refuses the whole file for one bad row, naming the row and the column", () => {
    expect(() => parseNationalServices(`${header}\n${row({})}\n${row({ id: "b", categories: "bingo" })}\n`, "t.csv")).toThrow(/t\.csv rij 3, kolom categories: onbekende categorie/);
    expect(() => parseNationalServices(`${header}\n${row({ phone: "", website: "" })}\n`, "t.csv")).toThrow(/rij 2, kolom phone: een telefoonnummer of een website/);
    expect(() => parseNationalServices(`${header}\n${row({ source_url: "" })}\n`, "t.csv")).toThrow(/kolom source_url/);
    expect(() => parseNationalServices(`${header}\n${row({})}\n${row({})}\n`, "t.csv")).toThrow(/komt twee keer voor/);
    expect(() => parseNationalServices("id,name\nx,y\n", "t.csv")).toThrow(/kolommen ontbreken: organization/);
  });

  it("ships national services that each have a source page and a way to reach them", () => {
    const services = readNationalServices(fileURLToPath(new URL("../../../knowledge", import.meta.url)));
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining(["landelijk-113", "landelijk-luisterlijn", "landelijk-veilig-thuis", "landelijk-juridisch-loket"]));
    for (const s of services) {
      expect(s.phone ?? s.website).toBeTruthy();
      expect(s.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});
