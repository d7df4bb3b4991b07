import { describe, expect, it } from "vitest";
import { safety } from "./safety-fixture.js";

describe("a question for a helpline number for mental health", () => {
  it.each([
    "is er een hulplijn voor psychische problemen in nederland",
    "welk nummer kan ik bellen voor geestelijke hulp",
    "is there a helpline for mental health problems",
    "هل في رقم للمساعدة النفسية بالعربي",
    "ruhsal sorunlar için aranacak bir numara var mı",
  ])("gets the numbers (information tier), no alarm: %s", (text) => {
    const assessment = safety.assess(text);
    expect(assessment.information).toContain("suicide");
    expect(assessment.crisis).toBeUndefined();
  });

  it.each(["wat is mijn nieuwe telefoonnummer bij de gemeente", "عندي رقم هاتف جديد", "what is the number of the library"])(
    "an ordinary question about a number stays ordinary: %s",
    (text) => {
      const assessment = safety.assess(text);
      expect(assessment.information).toBeUndefined();
      expect(assessment.crisis).toBeUndefined();
    },
  );
});

describe("colloquial Arabic: someone who is not breathing", () => {
  it.each(["ابني مو عم يتنفس ساعدوني", "جوزي مش بيتنفس", "امي بطلت تتنفس", "ابوي ما يتنفس"])("is an emergency, 112 first: %s", (text) => {
    expect(safety.assess(text).crisis).toBe("danger");
  });
});

describe("a short question and everyday Turkish verbs", () => {
  it.each(["بقدر جيب بنتي الصغيرة؟", "kan ik mijn dochtertje meenemen?", "oğlum okulda sorun yaşıyor, notları çok kötü", "annem ne yapıyor bilmiyorum"])(
    "raise no 112: %s",
    (text) => {
      expect(safety.assess(text).crisis).toBeUndefined();
    },
  );

  it.each(["evde yangın var, mutfak yanıyor", "جدي سقط ولا يتحرك"])("an emergency still gets 112: %s", (text) => {
    expect(safety.assess(text).crisis).toBe("danger");
  });
});
