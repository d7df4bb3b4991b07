import { describe, expect, it } from "vitest";
import type { SafetyAssessment } from "../../../src/core/ports.js";
import { devQuestions, safety } from "./safety-fixture.js";

type Smalltalk = NonNullable<SafetyAssessment["smalltalk"]>;

describe("small talk", () => {
  it.each<[string, Smalltalk]>([
    ["hoi", "greeting"],
    ["Hallo!", "greeting"],
    ["goedemorgen", "greeting"],
    ["hallo daar wijkwijzer", "greeting"],
    ["salaam", "greeting"],
    ["Salam aleikum", "greeting"],
    ["hi", "greeting"],
    ["hoi 👋", "greeting"],
    ["goeiemorgen!", "greeting"],
    ["hoe gaat het met u?", "greeting"],
    ["dank je", "thanks"],
    ["dank je wel!", "thanks"],
    ["bedankt voor de hulp", "thanks"],
    ["thanks", "thanks"],
    ["doei", "goodbye"],
    ["tot ziens", "goodbye"],
    ["dag dag", "goodbye"],
    ["dank je, doei", "goodbye"],
    ["ben jij een robot?", "who_are_you"],
    ["wie ben jij", "who_are_you"],
    ["ben je een mens?", "who_are_you"],
    ["hoi, wie ben jij?", "who_are_you"],
    ["wat kun je voor mij doen", "who_are_you"],
  ])("%s → %s", (text, kind) => {
    expect(safety.assess(text).smalltalk).toBe(kind);
  });

  it.each([
    "hallo, waar is het buurthuis?",
    "dank je, en waar kan ik sporten?",
    "hoi ik zoek een koffieochtend",
    "goedemorgen, ik heb schulden",
    "hoi, ik wil dood",
    "wat is de sociale basis",
    ...devQuestions,
  ])("a greeting or thanks with a real question is not small talk: %s", (text) => {
    expect(safety.assess(text).smalltalk).toBeUndefined();
  });

  it.each(["شكرا كتير", "شكرا كتير يا اخي", "يعطيك العافية", "bardzo dziękuję pani", "dzięki wielkie", "çok teşekkürler abi", "дуже дякую вам", "muchas gracias señora", "vielen dank"])(
    "thanks in another language, with its own filler words, is small talk and no heavy feeling: %s",
    (text) => {
      const assessment = safety.assess(text);
      expect(assessment.smalltalk).toBe("thanks");
      expect(assessment.concern).toBeUndefined();
      expect(assessment.crisis).toBeUndefined();
    },
  );

  it.each(["weet ik niet", "ik weet het niet", "geen idee", "bilmiyorum", "لا أعرف", "no idea", "keine ahnung", "nee"])(
    "a bare answer is no small talk to reply to, and no heavy feeling either: %s",
    (text) => {
      const assessment = safety.assess(text);
      expect(assessment.smalltalk).toBeUndefined();
      expect(assessment.concern).toBeUndefined();
      expect(assessment.crisis).toBeUndefined();
    },
  );

  it("a bare answer with more words is read as usual", () => {
    expect(safety.assess("weet ik niet, ik wil gewoon dood").crisis).toBe("suicide");
    expect(safety.assess("ik weet het niet meer").concern).toBe(true);
  });

  it("a greeting with a crisis is still a crisis", () => {
    expect(safety.assess("hi, I want to die").crisis).toBe("suicide");
  });
});
