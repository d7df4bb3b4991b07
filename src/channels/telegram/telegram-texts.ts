import type { BotCommand } from "grammy/types";

/** What residents read that only the Telegram adapter says (plain Dutch, B1). */
export const telegramTexts = {
  shareLocation: "📍 Deel mijn locatie",
  locationPlaceholder: "Of typ uw postcode",
  /** Sent under a message with inline buttons when a location is asked too (one keyboard a message). */
  locationPrompt: "Tik op de knop hieronder om uw locatie te delen. U mag ook uw postcode typen.",
  rateLimited: "U stuurt veel berichten kort na elkaar. Wacht even, dan help ik u graag verder.",
  /** Instead of answers that waited too long during an outage (one per chat). */
  lateApology: "Sorry, door een storing kwam mijn antwoord niet bij u aan. Wilt u uw vraag nog een keer sturen?",
};

/** The menu Telegram shows next to the text field. */
export const residentCommands: BotCommand[] = [
  { command: "start", description: "Wat kan Wijkwijzer voor u doen?" },
  { command: "help", description: "Hulp: zo stelt u een vraag" },
  { command: "mens", description: "Praat met een sociaal werker" },
  { command: "vergeet", description: "Wis alles wat ik van u weet" },
  { command: "privacy", description: "Wat ik bewaar en waarom" },
  { command: "bronnen", description: "Waar mijn gegevens vandaan komen" },
];
