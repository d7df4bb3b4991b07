// The desk's client: plain browser JavaScript, no build step. Draws the queue, a ticket and the
// coordinator's overview from /desk/api, and listens to /desk/api/events for live changes.
"use strict";
(function () {
  const app = document.getElementById("app");
  let me = null;
  let selected = null;
  let view = "queue";
  /** Reply drafts per ticket id, kept across live redraws. */
  const drafts = new Map();
  /** The confirmation of the worker's last action, shown again after each redraw of that ticket. */
  let flash = "";

  const STATUS = { open: "Wacht", claimed: "Overgenomen", closed: "Gesloten" };
  const FROM = { resident: "Bewoner", worker: "Sociaal werker", bot: "Wijkwijzer (computer)" };
  const INTENTS = { answer: "kennisvraag", listings: "activiteiten zoeken", crisis: "crisis", concern: "zorgen of zware gevoelens", handoff: "naar een mens", out_of_scope: "buiten ons terrein", smalltalk: "praatje", command: "opdracht of knop" };
  const CHANNEL = { telegram: "Telegram", slack: "Slack", terminal: "Terminal" };

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  const button = (label, onclick, kind = "secondary") =>
    h("button", { type: "button", class: `utrecht-button utrecht-button--${kind}-action`, onclick }, label);
  const time = (iso) => new Date(iso).toLocaleString("nl-NL", { dateStyle: "short", timeStyle: "short" });

  async function api(path, options = {}) {
    const res = await fetch(`/desk/api${path}`, {
      ...options,
      headers: { "content-type": "application/json", ...(me ? { "x-csrf-token": me.csrfToken } : {}), ...(options.headers || {}) },
      credentials: "same-origin",
    });
    if (res.status === 401) location.href = "/desk";
    const body = res.headers.get("content-type")?.includes("json") ? await res.json() : {};
    if (!res.ok) throw Object.assign(new Error(body.message || `Fout ${res.status}`), { status: res.status });
    return body;
  }
  const post = (path, body) => api(path, { method: "POST", body: JSON.stringify(body || {}) });

  const live = h("div", { class: "visually-hidden", "aria-live": "polite", id: "live" });
  function announce(text) {
    live.textContent = "";
    setTimeout(() => (live.textContent = text), 50);
  }
  function status(el, text, error) {
    el.textContent = text;
    el.className = `desk-status ${error ? "utrecht-alert utrecht-alert--error" : ""}`;
  }

  function label(t) {
    return [
      t.priority === "urgent" ? h("span", { class: "desk-label urgent" }, "Urgent") : null,
      h("span", { class: `desk-label ${t.status}` }, STATUS[t.status]),
    ];
  }

  function header() {
    const who = document.getElementById("who");
    who.replaceChildren(
      h("span", {}, `${me.user.name} (${me.user.role === "coordinator" ? "coördinator" : "sociaal werker"}) `),
      h("form", { method: "post", action: "/desk/logout", class: "desk-inline" }, h("button", { type: "submit", class: "utrecht-button utrecht-button--subtle" }, "Uitloggen")),
    );
  }

  function nav() {
    // Workers have one view: no menu.
    if (me.user.role !== "coordinator") return null;
    const items = [["queue", "Hulpvragen"], ["overview", "Overzicht"]];
    return h(
      "nav",
      { "aria-label": "Onderdelen" },
      h("ul", { class: "desk-nav" }, items.map(([id, text]) => h("li", {}, h("button", { type: "button", class: `utrecht-button utrecht-button--${view === id ? "primary" : "secondary"}-action`, "aria-current": view === id ? "page" : null, onclick: () => show(id) }, text)))),
    );
  }

  function hours() {
    const o = me.officeHours;
    return h(
      "p",
      { class: "utrecht-paragraph", id: "office-hours" },
      h("strong", {}, "Openingstijden: "),
      `${o.hours}. `,
      o.open ? "Nu open." : `Nu gesloten${o.next ? `; weer open ${o.next}` : ""}.`,
    );
  }

  async function renderQueue() {
    const { tickets } = await api("/tickets");
    const list = h(
      "ul",
      { class: "desk-queue", id: "queue" },
      tickets.length === 0 ? h("li", {}, "Er zijn nu geen hulpvragen.") : null,
      tickets.map((t) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: t.priority === "urgent" ? "urgent" : "", "aria-current": selected === t.id ? "true" : null, "data-ticket": t.id, onclick: () => openTicket(t.id) },
            h("span", { class: "desk-who" }, label(t), `Hulpvraag #${t.id}`),
            `${CHANNEL[t.channel] || t.channel} · ${time(t.createdAt)}`,
            t.claimedBy ? ` · bij ${t.claimedBy}` : "",
            t.topic ? h("span", { class: "desk-block" }, `Onderwerp: ${t.topic}`) : null,
          ),
        ),
      ),
    );
    return h("section", { "aria-labelledby": "queue-title" }, h("h2", { class: "utrecht-heading-2", id: "queue-title" }, "Wachtrij"), list);
  }

  async function renderTicket(id) {
    const { ticket: t, messages } = await api(`/tickets/${id}`);
    const note = h("div", { class: "desk-status", role: "status" });
    const mine = t.status === "claimed" && t.mine;
    const text = h("textarea", { class: "utrecht-textarea", id: "reply-text", name: "text", "aria-describedby": "reply-hint", disabled: !mine });
    const replies = (await api("/replies")).replies;
    const pick = h("select", { class: "utrecht-select", id: "saved-reply" }, h("option", { value: "" }, "Kies een snel antwoord"), replies.map((r) => h("option", { value: r.id }, r.title)));
    const results = h("ul", { class: "desk-queue", id: "listing-results" });
    const query = h("input", { class: "utrecht-textbox utrecht-textbox--html-input", id: "listing-query", type: "search" });
    const act = (path, done, focusAfter) => async () => {
      try {
        await post(`/tickets/${t.id}/${path}`);
        announce(done);
        flash = done;
        await refresh();
        document.getElementById(focusAfter)?.focus();
      } catch (e) {
        status(note, e.message, true);
      }
    };
    const send = async (event) => {
      event.preventDefault();
      if (!text.value.trim()) return status(note, "Schrijf eerst een bericht.", true);
      try {
        await post(`/tickets/${t.id}/messages`, { text: text.value });
        text.value = "";
        drafts.delete(t.id);
        flash = "Verstuurd naar de bewoner.";
        await refresh();
        document.getElementById("reply-text")?.focus();
      } catch (e) {
        status(note, e.message, true);
      }
    };
    const insert = (snippet) => {
      text.value = text.value ? `${text.value}\n\n${snippet}` : snippet;
      text.focus();
    };
    const search = async (event) => {
      event.preventDefault();
      const { listings } = await api(`/listings?q=${encodeURIComponent(query.value)}`);
      results.replaceChildren(
        ...(listings.length ? listings.map((l) => h("li", {}, h("span", { class: "desk-who" }, l.name), l.city || "", " ", button(`Invoegen: ${l.name}`, () => insert(l.text)))) : [h("li", {}, "Niets gevonden.")]),
      );
    };
    const saveReply = async () => {
      const title = text.value.trim().split("\n")[0].slice(0, 60);
      if (!title) return status(note, "Schrijf eerst de tekst die u wilt bewaren.", true);
      await post("/replies", { title, text: text.value.trim() });
      status(note, "Snel antwoord bewaard.");
    };
    return h(
      "section",
      { "aria-labelledby": "ticket-title", id: "ticket" },
      h("h2", { class: "utrecht-heading-2", id: "ticket-title", tabindex: "-1" }, `Hulpvraag #${t.id}`),
      h(
        "dl",
        { class: "desk-facts" },
        h("dt", {}, "Status"), h("dd", { id: "ticket-status" }, label(t), t.claimedBy ? `bij ${t.claimedBy}` : ""),
        h("dt", {}, "Kanaal"), h("dd", {}, CHANNEL[t.channel] || t.channel),
        h("dt", {}, "Taal"), h("dd", {}, t.language || "nl"),
        h("dt", {}, "Gebied"), h("dd", {}, t.area || "onbekend"),
        h("dt", {}, "Binnen"), h("dd", {}, time(t.createdAt)),
        t.rating ? [h("dt", {}, "Cijfer"), h("dd", {}, `${t.rating} van 5`)] : null,
      ),
      h("h3", { class: "utrecht-heading-3" }, "Samenvatting"),
      h("p", { class: "desk-summary" }, t.summary || "(gewist)"),
      h("div", { class: "desk-actions" },
        t.status === "open" ? button("Overnemen", act("claim", "U heeft het gesprek overgenomen.", "reply-text"), "primary") : null,
        t.status !== "closed" ? button("Afsluiten", act("close", "Het gesprek is afgesloten.", "ticket-title"), "secondary") : null,
      ),
      note,
      h("h3", { class: "utrecht-heading-3" }, "Gesprek (gedeeld door de bewoner)"),
      h("ol", { class: "desk-conversation", id: "conversation", tabindex: "0", "aria-label": "Berichten van het gesprek" }, messages.map((m) => h("li", { class: m.from }, h("span", { class: "desk-who" }, `${FROM[m.from]} · ${time(m.at)}`), m.text))),
      t.status === "closed"
        ? null
        : h(
            "form",
            { class: "desk-form", onsubmit: send, "aria-labelledby": "reply-title" },
            h("h3", { class: "utrecht-heading-3", id: "reply-title" }, "Antwoord aan de bewoner"),
            h("div", { class: "utrecht-form-field" },
              h("label", { class: "utrecht-form-label", for: "reply-text" }, "Uw bericht"),
              h("p", { class: "utrecht-form-field-description", id: "reply-hint" }, mine ? "De bewoner ziet uw voornaam." : "Neem het gesprek eerst over."),
              text,
            ),
            h("div", { class: "utrecht-form-field" },
              h("label", { class: "utrecht-form-label", for: "saved-reply" }, "Snel antwoord"),
              pick,
              button("Invoegen", () => {
                const r = replies.find((x) => String(x.id) === pick.value);
                if (r) insert(r.text);
              }),
            ),
            h("div", { class: "desk-actions" }, h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action", disabled: !mine }, "Versturen"), button("Bewaar als snel antwoord", saveReply)),
          ),
      t.status === "closed"
        ? null
        : h(
            "form",
            { class: "desk-form", onsubmit: search, role: "search", "aria-label": "Activiteiten zoeken" },
            h("div", { class: "utrecht-form-field" }, h("label", { class: "utrecht-form-label", for: "listing-query" }, "Zoek een activiteit om te delen"), query),
            h("button", { type: "submit", class: "utrecht-button utrecht-button--secondary-action" }, "Zoeken"),
            results,
          ),
    );
  }

  async function renderOverview() {
    const from = h("input", { class: "utrecht-textbox utrecht-textbox--html-input", type: "date", id: "from" });
    const to = h("input", { class: "utrecht-textbox utrecht-textbox--html-input", type: "date", id: "to" });
    const out = h("div", { id: "overview" });
    const load = async () => {
      const q = new URLSearchParams();
      if (from.value) q.set("from", from.value);
      if (to.value) q.set("to", to.value);
      const [s, stale, outcomes] = await Promise.all([api(`/stats?${q}`), api("/stale-listings"), api("/outcomes")]);
      const table = (caption, head, rows) =>
        h("div", { class: "desk-table-wrap" }, h("table", { class: "utrecht-table" }, h("caption", { class: "utrecht-table__caption" }, caption),
          h("thead", { class: "utrecht-table__header" }, h("tr", { class: "utrecht-table__row" }, head.map((x) => h("th", { class: "utrecht-table__header-cell", scope: "col" }, x)))),
          h("tbody", { class: "utrecht-table__body" }, rows.length ? rows.map((r) => h("tr", { class: "utrecht-table__row" }, r.map((c) => h("td", { class: "utrecht-table__cell" }, c)))) : h("tr", {}, h("td", { colspan: head.length, class: "utrecht-table__cell" }, "Geen gegevens.")))));
      const fig = (n, t) => h("li", {}, h("strong", {}, n === null ? "–" : n), t);
      out.replaceChildren(
        h("ul", { class: "desk-figures" },
          fig(s.conversations, "gesprekken"), fig(s.messages, "berichten"), fig(s.handoffs, "doorverwijzingen"),
          fig(s.timeToClaimP50Seconds === null ? null : s.timeToClaimP50Seconds < 120 ? `${s.timeToClaimP50Seconds} s` : `${Math.round(s.timeToClaimP50Seconds / 60)} min`, "tijd tot overname (mediaan)"),
          fig(s.feedback.up, "keer duim omhoog"), fig(s.feedback.down, "keer duim omlaag"), fig(s.ratings.average, `gemiddeld cijfer (${s.ratings.count}×)`)),
        table("Per dag", ["Dag", "Gesprekken", "Berichten", "Doorverwijzingen"], s.perDay.map((d) => [d.day, d.conversations, d.messages, d.handoffs])),
        table("Per week", ["Week", "Berichten", "Doorverwijzingen"], s.perWeek.map((w) => [w.week, w.messages, w.handoffs])),
        table("Soort vraag", ["Soort", "Aantal"], Object.entries(s.intents).map(([k, v]) => [INTENTS[k] || k, v])),
        table("Redenen bij duim omlaag", ["Reden", "Aantal"], s.feedback.reasons.map((r) => [r.reason, r.count])),
        table("Kennisgaten: vragen zonder goed antwoord", ["Vraag", "Aantal", "Actie"], s.unanswered.map((g) => [g.question, g.count, button("Afgehandeld", async () => { await post(`/gaps/${encodeURIComponent(g.key)}/handled`); announce("Gemarkeerd als afgehandeld."); await load(); })])),
        table("Behoeften per wijk (alleen aantallen van 5 of meer)", ["Gebied", "Categorie", "Aantal"], s.needsByArea.map((n) => [n.area, n.category, n.count])),
        table(`Verouderde activiteiten (niet gecontroleerd sinds ${stale.cutoff})`, ["Activiteit", "Organisatie", "Plaats", "Gecontroleerd"], stale.listings.map((l) => [l.name, l.organization || "", l.city || "", l.lastVerified || "nooit"])),
        table("Ben je gegaan? (antwoorden van bewoners)", ["Activiteit", "Gegaan", "Niet gegaan", "Redenen"], outcomes.outcomes.map((o) => [o.listingName, o.went, o.notWent, o.reasons.map((r) => `${r.reason} (${r.count})`).join(", ")])),
        h("p", { class: "utrecht-paragraph" }, "Downloaden als CSV: ",
          ["days", "needs", "gaps", "outcomes"].map((t, i) => [i ? " · " : "", h("a", { class: "utrecht-link", href: `/desk/api/stats.csv?table=${t}&${q}` }, { days: "per dag", needs: "behoeften", gaps: "kennisgaten", outcomes: "ben je gegaan" }[t])])),
      );
    };
    const form = h("form", { class: "desk-actions", onsubmit: (e) => (e.preventDefault(), load()) },
      h("div", { class: "utrecht-form-field" }, h("label", { class: "utrecht-form-label", for: "from" }, "Van"), from),
      h("div", { class: "utrecht-form-field" }, h("label", { class: "utrecht-form-label", for: "to" }, "Tot en met"), to),
      h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Toon"));
    await load();
    return h("section", { "aria-labelledby": "overview-title" }, h("h2", { class: "utrecht-heading-2", id: "overview-title" }, "Overzicht voor coördinatoren"), form, out);
  }

  async function refresh() {
    if (view === "overview") {
      app.replaceChildren(...[h("h1", { class: "utrecht-heading-1" }, "Overzicht"), nav(), hours(), await renderOverview(), live].filter(Boolean));
      return;
    }
    const queue = await renderQueue();
    const detail = selected ? await renderTicket(selected).catch(() => h("p", { class: "utrecht-paragraph" }, "Deze hulpvraag bestaat niet meer.")) : h("p", { class: "utrecht-paragraph" }, "Kies een hulpvraag uit de wachtrij.");
    const active = document.activeElement && document.activeElement.id;
    // A live update must not cost the worker a draft or a search: what was typed survives the redraw.
    const draft = document.getElementById("reply-text");
    if (draft && selected !== undefined && selected !== null) drafts.set(Number(selected), draft.value);
    const query = document.getElementById("listing-query")?.value;
    const found = document.getElementById("listing-results");
    const foundItems = found ? [...found.childNodes] : [];
    app.replaceChildren(...[h("h1", { class: "utrecht-heading-1" }, "Hulpvragen"), nav(), hours(), h("div", { class: "desk-grid" }, queue, h("div", {}, detail)), live].filter(Boolean));
    // The newest words are at the bottom of the conversation: show them.
    const conversation = document.getElementById("conversation");
    if (conversation) conversation.scrollTop = conversation.scrollHeight;
    const reply = document.getElementById("reply-text");
    if (reply && drafts.has(Number(selected))) reply.value = drafts.get(Number(selected));
    if (query !== undefined && document.getElementById("listing-query")) {
      document.getElementById("listing-query").value = query;
      document.getElementById("listing-results")?.replaceChildren(...foundItems);
    }
    // What the worker just did stays said on screen until the next action (not only for screen readers).
    const note = document.querySelector("#ticket .desk-status");
    if (note && flash) status(note, flash);
    if (active && document.getElementById(active)) document.getElementById(active).focus();
  }

  async function openTicket(id) {
    selected = id;
    flash = "";
    await refresh();
    document.getElementById("ticket-title")?.focus();
  }

  async function show(id) {
    view = id;
    await refresh();
  }

  function listen() {
    const events = new EventSource("/desk/api/events");
    events.addEventListener("ticket", (e) => {
      const { type, ticket } = JSON.parse(e.data);
      if (type === "new") announce(`Nieuwe hulpvraag #${ticket.id}${ticket.priority === "urgent" ? ", urgent" : ""}.`);
      const typing = document.activeElement && document.activeElement.id === "reply-text" && document.activeElement.value;
      if (view === "queue" && !typing) void refresh();
    });
  }

  (async function start() {
    me = await api("/me");
    header();
    await refresh();
    listen();
  })().catch((e) => app.replaceChildren(h("div", { class: "utrecht-alert utrecht-alert--error", role: "alert" }, e.message)));
})();
