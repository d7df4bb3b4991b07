/**
 * Removes personal data (AVG/GDPR) from free text before it is logged or sent to a provider:
 * e-mail addresses, IBANs, BSNs (9 digits passing the elfproef), Dutch phone numbers, and a
 * street name followed by a house number.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\b/gi;
const PHONE = /(?<![\d€])(?:(?:\+|00)\s?31[\s-]?(?:\(0\)[\s-]?)?|0)(?:[1-9](?:[\s-]?\d){8})(?!\d)/g;
const NINE_DIGITS = /(?<![\d€.,])\d{9}(?![\d,.]\d)/g;
const DOTTED_BSN = /\b\d{4}\.\d{2}\.\d{3}\b/g;
const STREET_NUMBER =
  /\b[\p{Lu}][\p{L}'-]*(?:straat|laan|weg|plein|kade|gracht|singel|dreef|hof|pad|steeg|park|dijk|baan|plantsoen|ring|boulevard|markt|veld|allee)\s+\d{1,5}\s?[a-zA-Z]?(?:[-\s]?\d{1,3})?\b/gu;

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
    .replace(IBAN, (m) => (/\d{6,}/.test(m.replace(/\s/g, "")) ? "[iban]" : m))
    .replace(DOTTED_BSN, (m) => (isBsn(m.replace(/\./g, "")) ? "[bsn]" : m))
    .replace(PHONE, "[telefoon]")
    .replace(NINE_DIGITS, (m) => (isBsn(m) ? "[bsn]" : m))
    .replace(STREET_NUMBER, "[adres]");
}
