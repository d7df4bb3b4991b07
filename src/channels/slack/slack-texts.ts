/**
 * Slack-only wording, in plain Dutch for professionals. Core answers come from `src/core/texts.ts`;
 * these are the few lines only the Slack adapter says (help for an empty mention, modal texts).
 */
export const slackTexts = {
  mentionHelp: [
    "Hoi! Ik ben Wijkwijzer. Ik beantwoord vragen over de sociale basis, met bronnen van onder meer Movisie en Verwey-Jonker.",
    "Stel uw vraag na mijn naam, bijvoorbeeld: `@Wijkwijzer wat is een sterke sociale basis?`",
    "Liever privé? Typ `/wijkwijzer <uw vraag>` of stuur mij een direct bericht.",
  ].join("\n"),
  commandHelp: [
    "Typ uw vraag achter het commando, bijvoorbeeld: `/wijkwijzer wat doet een buurtsportcoach?`",
    "Alleen u ziet mijn antwoord. Met de knop *Deel in kanaal* ziet iedereen het.",
  ].join("\n"),
  sourcesLabel: "Bronnen",
  sharedBy: (userId: string) => `<@${userId}> deelt een antwoord van Wijkwijzer`,
  shareGone: "Dit antwoord kan ik niet meer delen. Stel de vraag opnieuw met `/wijkwijzer`.",
  shareFailed:
    "Delen lukte niet. Misschien zit ik niet in dit kanaal. Voeg mij toe met `/invite @Wijkwijzer` en probeer het opnieuw.",
  shareDone: "Gedeeld in het kanaal.",
  deliveryFailed: "Sorry, mijn antwoord kwam niet aan. Probeer het later nog eens.",
  buttons: {
    up: "👍 Nuttig",
    down: "👎 Niet nuttig",
    askSociaalWerker: "Vraag een sociaal werker",
    share: "Deel in kanaal",
  },
  feedbackModal: {
    title: "Wat kan beter?",
    submit: "Versturen",
    close: "Overslaan",
    intro: "Dank voor uw reactie. Wilt u zeggen wat er niet goed was? Dat mag, maar het hoeft niet.",
    reasonLabel: "Wat was er mis?",
    reasonPlaceholder: "Kies een reden",
    commentLabel: "Toelichting",
    commentPlaceholder: "Bijvoorbeeld: de bron gaat over iets anders",
    reasons: {
      incorrect: "Klopt niet",
      incomplete: "Onvolledig",
      sources: "Bronnen passen niet",
      irrelevant: "Geen antwoord op mijn vraag",
      other: "Iets anders",
    },
    thanksTitle: "Bedankt",
    thanks: "Dank u wel. Met uw reactie maken we Wijkwijzer beter.",
  },
} as const;
