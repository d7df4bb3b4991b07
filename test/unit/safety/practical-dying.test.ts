import { describe, expect, it } from "vitest";
import { safety } from "./safety-fixture.js";

/**
 * Practical questions about someone else's dying (hospice, palliative care, "is dying") and weariness of
 * waiting or of paperwork are ordinary resident situations: no crisis, no concern reply. True signals in the
 * same words still count (the checks at the end).
 */

const relativeDying = [
  "onze oma ligt al een week op sterven, kunnen wij ergens terecht voor steun?",
  "mijn schoonmoeder lag op sterven en nu moeten we alles regelen",
  "meine Mutter liegt im Sterben, wo bekommen wir Hilfe zu Hause?",
  "unser Opa liegt schon im Sterben, gibt es Begleitung?",
  "ma grand-mère est en train de mourir à la maison, qui peut nous aider la nuit ?",
  "mi abuela está en cuidados paliativos, ¿hay voluntarios?",
  "my mum is terminally ill and at home, is there help for us at night?",
  "mijn man krijgt palliatieve zorg thuis, wie kan mij ontlasten?",
  "babam palyatif bakımda, evde yardım var mı?",
  "moja babcia jest w opiece paliatywnej, kto nam pomoże w domu?",
  "моя мама в паллиативном отделении, где найти помощь?",
];

const waitingWeary = [
  "wij wachten al twee jaar op een huis, ik ben het wachten echt zat",
  "ik ben al die formulieren en instanties beu",
  "I am sick and tired of the waiting list for a house",
  "انا تعبانة من الانتظار في الطابور كل يوم",
  "خیلی منتظر ماندیم، از انتظار نوبت خسته ایم",
  "نحن ننتظر الموعد منذ شهور",
];

describe("practical dying and weariness of waiting", () => {
  it.each(relativeDying)("a relative's dying is no alarm: %s", (text) => {
    const a = safety.assess(text);
    expect(a.crisis).toBeUndefined();
    expect(a.concern ?? false).toBe(false);
  });

  it.each(waitingWeary)("weariness of waiting or paperwork is no alarm: %s", (text) => {
    const a = safety.assess(text);
    expect(a.crisis).toBeUndefined();
    expect(a.concern ?? false).toBe(false);
  });

  it.each([
    ["ik wil sterven", "suicide"],
    ["ich will sterben", "suicide"],
    ["je veux mourir", "suicide"],
    ["أفكر في الانتحار", "suicide"],
  ])("a true signal with the same words still counts: %s", (text, kind) => {
    expect(safety.assess(text).crisis).toBe(kind);
  });
});
