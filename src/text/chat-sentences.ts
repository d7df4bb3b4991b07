/**
 * The sentences of a chat message: split after . ! ? or ؟ followed by white space, trimmed, empty ones left
 * out. Chat text is often lower case, so unlike the prose splitter (src/knowledge/sentences.ts) no capital is
 * needed after the full stop.
 */
export function chatSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?؟])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
