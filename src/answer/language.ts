const namesInEnglish = new Intl.DisplayNames(["en"], { type: "language" });

/** The English name of a language code, for prompts ("Dutch", "Turkish"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return namesInEnglish.of(code) ?? code;
  } catch {
    return code;
  }
}
