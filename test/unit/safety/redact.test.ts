import { describe, expect, it } from "vitest";
import { isBsn, redactPersonalData } from "../../../src/safety/redact.js";

describe("redactPersonalData", () => {
  it.each([
    ["bel me op 06-12345678", "bel me op [telefoon]"],
    ["mijn nummer is +31 6 1234 5678.", "mijn nummer is [telefoon]."],
    ["vast: 030-1234567", "vast: [telefoon]"],
    ["0612345678", "[telefoon]"],
    ["bel (030) 123 45 67 aub", "bel [telefoon] aub"],
    ["mail jan.jansen@example.nl graag", "mail [e-mail] graag"],
    ["IBAN NL91ABNA0417164300", "IBAN [iban]"],
    ["rekening NL91 ABNA 0417 1643 00 graag", "rekening [iban] graag"],
    ["mijn bsn is 111222333", "mijn bsn is [bsn]"],
    ["nummer 111222333", "nummer [bsn]"],
    ["ik woon op Dorpsstraat 12a", "ik woon op [adres]"],
    ["Dorpsstraat 12a, 3701 AB Zeist", "[adres], 3701 AB Zeist"],
  ])("%s → %s", (text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it.each([
    "postcode 3701 AB",
    "3701AB",
    "het kost €2,50",
    "open 10:00-12:00",
    "in 2023 en 1999",
    "rond 2020-2024",
    "om 14.00 uur",
    "tussen 9 en 17 uur",
    "Sportpark 2023 is open",
    "123456789 is geen bsn",
    "ik ben 67 jaar",
  ])("leaves ordinary numbers alone: %s", (text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = redactPersonalData("bel 06-12345678 of mail a@b.nl, Dorpsstraat 12a");
    expect(redactPersonalData(once)).toBe(once);
  });

  it("checks the BSN elfproef", () => {
    expect(isBsn("111222333")).toBe(true);
    expect(isBsn("123456789")).toBe(false);
    expect(isBsn("000000000")).toBe(false);
    expect(isBsn("12345678")).toBe(false);
  });
});
