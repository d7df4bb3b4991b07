import { describe, expect, it } from "vitest";
import { redactPersonalData } from "../../../src/safety/redact.js";

// What the language-model path relies on before anything leaves the machine.
describe("redactPersonalData for provider requests", () => {
  it.each([
    ["06-12345678", "[telefoon]"],
    ["+31 (0)6 1234 5678", "[telefoon]"],
    ["(020) 123 45 67", "[telefoon]"],
    ["jan.jansen@example.nl", "[e-mail]"],
    ["BSN 111222333", "BSN [bsn]"],
    ["bsn: 123456789", "bsn: [bsn]"],
    ["NL91 ABNA 0417 1643 00", "[iban]"],
    ["Kerkstraat 12a", "[adres]"],
    ["Oude Gracht 5", "[adres]"],
    ["ik woon aan de lange laan 7", "ik woon aan [adres]"],
    ["mijn adres is dorpsweg 3", "mijn adres is [adres]"],
  ])("redacts %j", (text, expected) => {
    expect(redactPersonalData(text)).toBe(expected);
  });

  it.each(["Sportpark 2023 is vernieuwd", "ik woon al 12 jaar in Zeist", "koffie €2,50, di 10:00-12:00", "postcode 3701 AB", "Kamerbrief 2024"])(
    "leaves %j alone",
    (text) => expect(redactPersonalData(text)).toBe(text),
  );

  it("is idempotent", () => {
    const once = redactPersonalData("Ik woon op Kerkstraat 12, bel (020) 123 45 67, bsn 12345678");
    expect(redactPersonalData(once)).toBe(once);
  });
});
