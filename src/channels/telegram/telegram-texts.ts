import type { BotCommand } from "grammy/types";
import { catalog, CATALOG_LANGUAGES } from "../../core/text-catalog.js";

/** What residents read that only the Telegram adapter says, in their language (data: `knowledge/texts/`). */
export function telegramTextsFor(language: string | undefined) {
  const t = catalog(language).telegram;
  return {
    shareLocation: t.shareLocation,
    locationPlaceholder: t.locationPlaceholder,
    /** Sent under a message with inline buttons when a location is asked too (one keyboard a message). */
    locationPrompt: t.locationPrompt,
    rateLimited: t.rateLimited,
    /** Instead of answers that waited too long during an outage (one per chat). */
    lateApology: t.lateApology,
  };
}

/** The Dutch texts (no resident's language known yet, e.g. before a message is read). */
export const telegramTexts = telegramTextsFor("nl");

/** The menu Telegram shows next to the text field, in `language`. */
export function residentCommandsFor(language: string): BotCommand[] {
  const c = catalog(language).telegram.commands;
  return (["start", "help", "mens", "vergeet", "privacy", "bronnen"] as const).map((command) => ({ command, description: c[command] }));
}

export const residentCommands: BotCommand[] = residentCommandsFor("nl");

/** Languages to register a translated menu for (Telegram picks it by the app's language setting). */
export const menuLanguages = (): readonly string[] => CATALOG_LANGUAGES.filter((l) => l !== "nl");
