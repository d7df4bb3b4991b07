import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/listings/gazetteer.js";
import type { Listing } from "../../../src/listings/listing-model.js";
import { createScriptNames, loadTransliteration } from "../../../src/listings/script-names.js";
import { normalise } from "../../../src/listings/text-match.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

/** One fictional listing in Zeist: Zeist is covered, every other gemeente is outside. */
const zeist = { id: "x", name: "Koffie", latitude: 52.089, longitude: 5.233, postcode: "3701 AA", city: "Zeist" } as unknown as Listing;
const gazetteer = loadGazetteer(KNOWLEDGE_DIR, [zeist]);

function find(text: string) {
  const tokens = normalise(text).split(" ").filter(Boolean);
  return gazetteer.find(tokens, tokens.map(() => false), () => false, tokens)?.place;
}

describe("place names written in another script", () => {
  it("reads a place in Arabic, Persian, Cyrillic, Ethiopic and Greek script by its sound, with case endings", () => {
    for (const text of ["أين يمكنني أن أتعلم اللغة الهولندية في زايست", "بزايست", "کلاس زبان در زایست", "чи є зустрічі у Зейсті?", "курсы в Зейсте", "поруч із Зейстом", "ኣብ ዘይስት", "στο Ζάιστ"]) {
      expect(find(text), text).toMatchObject({ name: "Zeist" });
    }
    expect(find("دروس في أمرسفورت")).toMatchObject({ name: "Amersfoort" });
    expect(find("курси в Утрехті")).toMatchObject({ name: "Utrecht" });
    expect(find("في اوتريخت")).toMatchObject({ name: "Utrecht" });
    expect(find("у Роттердамі")).toMatchObject({ name: "Rotterdam" });
  });

  it("reads a town outside the listings written alone only as the answer to 'Waar zoekt u?'", () => {
    const asked = (text: string) => {
      const tokens = normalise(text).split(" ").filter(Boolean);
      return gazetteer.find(tokens, tokens.map(() => false), () => false, tokens, { placeAsked: true })?.place;
    };
    for (const [text, name] of [["روتردام", "Rotterdam"], ["أوتريخت", "Utrecht"], ["Роттердам", "Rotterdam"]] as const) {
      expect(asked(text)?.name, text).toBe(name);
      expect(find(text), text).toBeUndefined();
    }
    for (const text of ["تمام", "طيب", "ممكن", "الحمدلله", "شكرا"]) expect(asked(text), text).toBeUndefined();
  });

  it("does not read ordinary words as places, also after a preposition", () => {
    // "in the house", "in the list", "chest pain", "in an emergency", "Tigrinya", "Portuguese", "Saturday".
    for (const text of ["يوجد حريق في البيت", "شما در فهرست هستید", "у батька біль у грудях", "В экстренной ситуации", "тигринья", "البرتغالية", "السبت", "أشعر بالوحدة"]) {
      expect(find(text), text).toBeUndefined();
    }
  });

  it("finds no place in the fixed texts of the Arabic, Persian, Ukrainian and Russian files but the one they name", () => {
    const strings: string[] = [];
    const walk = (x: unknown): void => {
      if (typeof x === "string") strings.push(x);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") Object.values(x).forEach(walk);
    };
    for (const language of ["ar", "fa", "uk", "ru"]) walk(JSON.parse(readFileSync(join(KNOWLEDGE_DIR, "texts", `${language}.json`), "utf8")));
    // Latin words in them (Zeist, 3701, Veilig Thuis) are names on purpose: only the other script is read.
    // The one place they name in their own script is the example "14 020 in Amsterdam", and it is found.
    const found = strings.flatMap((s) => find(s.replace(/[A-Za-z0-9]+/g, " "))?.name ?? []);
    expect(new Set(found)).toEqual(new Set(["Amsterdam"]));
  });

  it("reduces names in every script to one consonant skeleton", () => {
    const names = createScriptNames(loadTransliteration(KNOWLEDGE_DIR)!);
    expect(names.latinKey("Zeist")).toBe(names.foreignKeys("زايست")[0]!.sound);
    expect(names.latinKey("Utrecht")).toBe(names.foreignKeys("утрехт")[0]!.sound);
    expect(names.foreignKeys("koffie")).toEqual([]);
  });
});
