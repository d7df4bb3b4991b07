/** Telegram refuses message texts longer than this (UTF-16 code units after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

// From coarse to fine: paragraphs, lines, sentences, words. Each keeps its separator.
const SEPARATORS: RegExp[] = [/(\n{2,})/, /(\n)/, /(?<=[.!?])(\s+)/, /(\s+)/];

/**
 * Splits plain text into pieces whose measured size is at most `limit`, preferring paragraph
 * boundaries, then lines, sentences and words; a single over-long word is cut by characters
 * (never inside a surrogate pair). `measure` is the size after formatting (e.g. HTML escaping),
 * so escaping cannot push a piece over the limit; it must add up over concatenation, as
 * escaping does. Pieces are trimmed; empty pieces are dropped.
 */
export function splitText(text: string, limit: number, measure: (piece: string) => number = (p) => p.length): string[] {
  return splitAt(text, 0, limit, measure)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
}

function splitAt(text: string, level: number, limit: number, measure: (piece: string) => number): string[] {
  if (measure(text) <= limit) return [text];
  const separator = SEPARATORS[level];
  if (!separator) return cutByCharacters(text, limit, measure);
  // With a capture group, split() returns [part, sep, part, sep, part…].
  const tokens = text.split(separator);
  const pieces: string[] = [];
  let current = "";
  let currentSize = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const part = tokens[i] ?? "";
    const partSize = measure(part);
    if (current) {
      const sep = tokens[i - 1] ?? "";
      const size = currentSize + measure(sep) + partSize;
      if (size <= limit) {
        current += sep + part;
        currentSize = size;
        continue;
      }
      pieces.push(current);
    }
    if (partSize <= limit) {
      current = part;
      currentSize = partSize;
    } else {
      pieces.push(...splitAt(part, level + 1, limit, measure));
      current = "";
      currentSize = 0;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function cutByCharacters(text: string, limit: number, measure: (piece: string) => number): string[] {
  const pieces: string[] = [];
  let current = "";
  let size = 0;
  for (const char of text) {
    const charSize = measure(char);
    if (current && size + charSize > limit) {
      pieces.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charSize;
  }
  if (current) pieces.push(current);
  return pieces;
}
