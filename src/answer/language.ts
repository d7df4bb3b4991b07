/** Below this many letters a detection is a guess: most messages this short are Dutch follow-ups. */
const MIN_LETTERS = 12;

/** Words that show Dutch even where n-grams are too few (short follow-ups, greetings). */
const DUTCH_MARKERS = /\b(en|de|het|een|ik|u|je|wat|waar|hoe|wanneer|voor|ook|niet|is|dat|kan|mag)\b/iu;

type Detector = { detect(text: string): { language: string; isReliable(): boolean } };

/**
 * Loads the offline language detector (ELD n-grams; no network, no model). Its n-gram tables
 * take ~150 MB of memory, so only the generative composer, which answers in the person's
 * language, loads it; the extractive answers quote the Dutch sources and need no detection.
 */
export async function loadLanguageDetector(): Promise<(text: string) => string> {
  const { eld } = await import("eld/medium");
  // One isolated instance: no other module's subset or settings can change our results.
  const detector = eld.newInstance() as Detector;
  return (text) => detectLanguage(detector, text);
}

/**
 * Returns an ISO 639-1 code such as `nl`, `en`, `tr`, `ar`. Short or uncertain text returns `nl`:
 * the assistant's default language is the safest guess for "ja", "ok" or "en voor kinderen?".
 */
function detectLanguage(detector: Detector, text: string): string {
  const cleaned = text.replace(/https?:\/\/\S+|[\p{N}\p{P}\p{S}]+/gu, " ").trim();
  const letters = cleaned.replace(/[^\p{L}]/gu, "").length;
  if (letters === 0) return "nl";
  const result = detector.detect(cleaned);
  const language = result.language;
  if (!language || !result.isReliable()) return "nl";
  if (language === "nl") return "nl";
  // Short text in a Latin script with Dutch function words is Dutch, whatever the n-grams say.
  if (letters < MIN_LETTERS && DUTCH_MARKERS.test(cleaned)) return "nl";
  if (letters < MIN_LETTERS && /^[\p{Script=Latin}\s]+$/u.test(cleaned)) return "nl";
  return language;
}

const namesInEnglish = new Intl.DisplayNames(["en"], { type: "language" });

/** The English name of a language code, for prompts ("Dutch", "Turkish"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return namesInEnglish.of(code) ?? code;
  } catch {
    return code;
  }
}
