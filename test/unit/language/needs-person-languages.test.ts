import { describe, expect, it } from "vitest";
import { createSafetyCheck } from "../../../src/safety/safety-check.js";

const safety = createSafetyCheck("knowledge");

/** Written as residents write, in the languages the bot reads (not copied from knowledge/safety/needs-person.json). */
const SITUATIONS: Array<[string, string]> = [
  ["ليس لدي مال لشراء الطعام", "money"],
  ["ما عندي اكل للأولاد", "money"],
  ["у мене немає грошей на їжу", "money"],
  ["не можу оплатити квартиру", "money"],
  ["nie mam pieniędzy na czynsz", "money"],
  ["I have no money for food", "money"],
  ["lacag ma haysto", "money"],
  ["ገንዘብ የብለይን", "money"],
  ["پول ندارم برای غذا", "money"],
  ["mam długi i nie rozumiem listów", "debts"],
  ["borçlarım var ödeyemiyorum", "debts"],
  ["у меня долги", "debts"],
  ["ich habe Schulden", "debts"],
  ["waxaan qabaa deyn badan", "debts"],
  ["yarın evden atılıyoruz", "eviction"],
  ["нас виселяють з квартири", "eviction"],
  ["догляд за мамою це забагато для мене", "care"],
  ["أريد التحدث مع شخص", "person_requested"],
  ["chcę porozmawiać z człowiekiem", "person_requested"],
];

describe("situations that need a person, in every language the bot reads", () => {
  it.each(SITUATIONS)("%s → %s", (text, kind) => {
    expect(safety.assess(text).needsPerson).toBe(kind);
  });

  it.each(["أين يمكنني أن أتعلم اللغة الهولندية", "чи є зустрічі для українців", "is er een koffieochtend", "where can I learn dutch", "ile to kosztuje"])("%s is no such situation", (text) => {
    expect(safety.assess(text).needsPerson).toBeUndefined();
  });
});
