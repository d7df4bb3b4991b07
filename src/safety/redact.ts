/**
 * Removes personal data (AVG/GDPR) from free text before it is logged or sent to a provider:
 * e-mail addresses, IBANs, BSNs (9 digits passing the elfproef, or any number called a BSN), Dutch
 * phone numbers, and a street name followed by a house number (or any address after "ik woon op").
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\b/gi;
const PHONE = /(?<![\d€])(?:(?:\+|00)\s?31[\s-]?(?:\(0\)[\s-]?)?|0)(?:[1-9](?:[\s-]?\d){8})(?!\d)/g;
const NINE_DIGITS = /(?<![\d€.,])\d{9}(?![\d,.]\d)/g;
const DOTTED_BSN = /\b\d{4}\.\d{2}\.\d{3}\b/g;
// A house number is not a year ("Sportpark 2023") and a letter suffix stands alone ("12a", "12 a").
const HOUSE_NUMBER = String.raw`(?!(?:19|20)\d\d\b)\d{1,5}(?:\s?[a-zA-Z]\b)?(?:-\d{1,3})?\b`;
const STREET_NUMBER = new RegExp(
  String.raw`\b[\p{Lu}][\p{L}'-]*(?:straat|laan|weg|plein|kade|gracht|singel|dreef|hof|pad|steeg|park|dijk|baan|plantsoen|ring|boulevard|markt|veld|allee)\s+` +
    HOUSE_NUMBER,
  "gu",
);
/** "Oude Gracht 5", "Nieuwe Markt 3": the street word on its own, capitalised. */
const TWO_WORD_STREET = new RegExp(
  String.raw`\b[\p{Lu}][\p{L}'-]+\s+(?:Straat|Laan|Weg|Plein|Kade|Gracht|Singel|Dijk|Markt|Haven|Wal|Dreef|Steeg)\s+` + HOUSE_NUMBER,
  "gu",
);
/** Any words and a number after "ik woon op", "mijn adres is": lower case or not, it is an address. */
const ADDRESS_AFTER_CUE = new RegExp(
  String.raw`\b((?:woon|woont|wonen)\s+(?:op|aan)|adres(?:\s+is)?\s*:?|verhuisd\s+naar)(\s+)(?:[\p{L}][\p{L}'.-]*\s+){1,3}` + HOUSE_NUMBER,
  "giu",
);
/** A BSN named as such, even when it fails the elfproef (a typo is still someone's number). */
const BSN_AFTER_CUE = /\b(bsn|burgerservicenummer|sofinummer)(\s*(?:-?nummer)?\s*(?:is|:)?\s*)\d(?:[\s.]?\d){7,8}(?!\d)/giu;
/** Area code in brackets: "(020) 123 45 67", "(0118) 12 34 56". */
const PHONE_AREA_IN_BRACKETS = /(?<![\d€])\(0\d{1,3}\)[\s-]?\d(?:[\s-]?\d){5,7}(?!\d)/g;

/** True when a 9-digit string passes the BSN elfproef. */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && digits !== "000000000";
}

/** Replaces personal data with placeholders such as `[e-mail]`; idempotent. */
export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, "[e-mail]")
    .replace(BSN_AFTER_CUE, "$1$2[bsn]")
    .replace(PHONE_AREA_IN_BRACKETS, "[telefoon]")
    .replace(IBAN, (m) => (/\d{6,}/.test(m.replace(/\s/g, "")) ? "[iban]" : m))
    .replace(DOTTED_BSN, (m) => (isBsn(m.replace(/\./g, "")) ? "[bsn]" : m))
    .replace(PHONE, "[telefoon]")
    .replace(NINE_DIGITS, (m) => (isBsn(m) ? "[bsn]" : m))
    .replace(ADDRESS_AFTER_CUE, "$1$2[adres]")
    .replace(TWO_WORD_STREET, "[adres]")
    .replace(STREET_NUMBER, "[adres]");
}
