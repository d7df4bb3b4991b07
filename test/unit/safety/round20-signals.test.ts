import { describe, expect, it } from "vitest";
import { safety } from "./safety-fixture.js";

/**
 * Round 20 (with the situation reader).
 * Unsafe at home in spoken Arabic (Levantine, Egyptian): "جوزي" for my husband, "خايفة" for afraid, afraid
 * "at home" said without a person, a bank card taken. Found by a helper playing a Syrian mother: the same
 * message in written Arabic got Veilig Thuis, in her own dialect "not sure". Written for this file.
 */
const unsafe = [
  "جوزي صار يعيّط عليّ كل يوم وساحب مني كرت البنك، وأنا خايفة بالبيت",
  "انا خايفة من جوزي، بس مش هلق بخطر",
  "خايفة بالبيت وما بعرف لمين احكي",
  "خايفه في البيت لما يرجع جوزي بالليل",
  "جوزي اخد الكارت تبعي وما بيعطيني ولا قرش",
  "أنا خايف من ابوي لما يشرب",
];
const lookAlikes = ["خايفة من الامتحان بكرة", "جوزي بيشتغل بالليل، في نشاطات للأطفال بالنهار؟", "البطاقة تبع الباص ضاعت، وين بطلب وحدة جديدة؟"];

describe("unsafe at home in spoken Arabic", () => {
  it.each(unsafe)("gets Veilig Thuis, in Arabic: %s", (text) => {
    const a = safety.assess(text);
    expect(a.crisis).toBe("violence");
    expect(a.language).toBe("ar");
  });
  it.each(lookAlikes)("an exam, a husband's night shift or a lost bus card is no crisis: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });
});

/**
 * Emergencies and violence that the fresh blind sets b71–b74 missed in German, Somali, Arabic and Turkish
 * (their misses were read after their one first run): a child fallen into water, collapsed and hardly
 * breathing, a toddler who swallowed cleaning products, a partner beating me with a knife in his hand, a
 * spouse who hits me. Written for this file in other words.
 */
const emergencies = [
  "meine Tochter ist in den Teich gefallen, ich finde sie nicht",
  "mein Vater ist im Flur zusammengebrochen und reagiert nicht",
  "sie atmet kaum noch, was mache ich",
  "بنتي بلعت منظف الحمام وعم تستفرغ",
  "wuu i garaacayaa hadda",
  "aabbahay mindi ayuu haystaa wuuna qaylinayaa",
];
describe("emergencies in German, Arabic and Somali", () => {
  it.each(emergencies)("get 112: %s", (text) => {
    expect(safety.assess(text).crisis).toBe("danger");
  });
  it("a Turkish spouse who hits gets Veilig Thuis", () => {
    expect(safety.assess("kocam her akşam bağırıyor ve bazen vuruyor").crisis).toBe("violence");
  });
  it.each(["wir haben den Kanal für ein Picknick ausgesucht", "مواد التنظيف غالية، وين في أرخص؟", "mindida jikada ma iibisaan?"])("no emergency: %s", (text) => {
    expect(safety.assess(text).crisis).toBeUndefined();
  });
});
