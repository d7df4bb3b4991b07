import { describe, expect, it } from "vitest";
import { safety } from "./safety-fixture.js";

/**
 * A resident who repeats themselves ("ik heb toch net gezegd: Zeist") is repairing the conversation: its
 * words ("gezegd", "toch", "verteld") are no feeling, so the classifier's guess does not read them. A
 * repair with a signal beside it is still the signal.
 */
describe("a repair of the conversation", () => {
  it("is no crisis and no heavy feelings", () => {
    for (const text of ["ik heb het toch al gezegd, in soest", "dat zei ik net toch", "heb ik je al verteld hoor, Baarn", "I already told you, Utrecht", "قلتلك اوتريخت", "sana söyledim zaten, Zeist"]) {
      const a = safety.assess(text);
      expect(a.crisis, text).toBeUndefined();
      expect(a.concern ?? a.concernIfUnanswered, text).toBeUndefined();
    }
  });
  it("with a signal beside it is still the signal", () => {
    for (const text of ["ik zei toch al dat ik niet meer wil leven", "i told you i want to die"]) {
      expect(safety.assess(text).crisis, text).toBe("suicide");
    }
  });
});

describe("short everyday questions and eviction in chat words", () => {
  it("'is die hulp gratis' is no question about emergencies", () => {
    expect(safety.assess("is die hulp gratis").information).toBeUndefined();
  });
  it("'kan mn huisbaas me eruit zetten' is about eviction", () => {
    expect(safety.assess("kan mn huisbaas me eruit zetten").needsPerson).toBe("eviction");
  });
});
