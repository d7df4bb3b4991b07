/**
 * Sentence splitting for Dutch prose and slide text. Conservative: a sentence ends at . ! ? or …
 * followed by white space and a capital, digit, quote or bracket, but not after common
 * abbreviations ("bv.", "o.a.", "p. 11"). Returned sentences are verbatim slices of the input.
 */

const ABBREVIATIONS = new Set([
  "bv", "bijv", "b.v", "o.a", "e.a", "e.v", "evt", "d.w.z", "m.b.t", "t.a.v", "i.p.v", "c.q", "ca", "nr",
  "p", "pp", "blz", "vgl", "zgn", "resp", "incl", "excl", "mr", "dr", "drs", "ir", "prof", "mw", "dhr",
  "st", "vd", "jl", "etc", "enz",
]);

const BOUNDARY = /[.!?…]+["'”’)]*\s+(?=[A-ZÀ-Ý0-9“‘"'(\u2018\u201c[])/g;

/** Splits one block of text (a paragraph or list item) into sentences. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index + 1);
    const lastWord = /([\p{L}.]+)\.$/u.exec(before.trimEnd())?.[1]?.toLowerCase() ?? "";
    if (ABBREVIATIONS.has(lastWord.replace(/\.$/, ""))) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
