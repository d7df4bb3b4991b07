import type { OutboundMessage } from "../../core/types.js";

/** Renders a reply for a plain-text terminal: text, numbered sources, then numbered buttons. */
export function renderForTerminal(message: OutboundMessage, buttonOffset = 0): string {
  const lines = [message.text];
  if (message.sources?.length) {
    lines.push("", "Bronnen:");
    message.sources.forEach((s, i) => {
      const meta = [s.publisher, s.year].filter(Boolean).join(", ");
      lines.push(`[${i + 1}] ${s.title}${meta ? ` (${meta})` : ""}${s.url ? ` — ${s.url}` : ""}`);
    });
  }
  if (message.buttons?.length) {
    lines.push("", message.buttons.map((b, i) => `(${buttonOffset + i + 1}) ${b.label}`).join("   "));
  }
  if (message.requestLocation) lines.push("", "Typ uw postcode of de naam van uw wijk.");
  return lines.join("\n");
}
