// Flashcards: filter by domain and task, turn a card, mark it "again" (back in this session) or "good"
// (its box goes up and it comes back after 1, 3, 7, 16, then 35 days). Marks are saved like progress.

import { el, shuffled } from "./questions.js";
import * as store from "./store.js";

const DAY = 24 * 60 * 60 * 1000;
export const INTERVAL_DAYS = [0, 1, 3, 7, 16, 35];
const AGAIN_GAP = 3; // an "again" card comes back after this many others

export function mountCards(app, deck, root) {
  const notice = store.takeNotice();
  const domains = deck.outline.domains;
  const domainSelect = el("select", { id: "cards-domain" }, [el("option", { value: "", text: "All domains" }),
    ...domains.map((d) => el("option", { value: String(d.id), text: `Domain ${d.id}: ${d.title}` }))]);
  const taskSelect = el("select", { id: "cards-task" });
  const glossary = el("input", { type: "checkbox", id: "cards-glossary", checked: true });
  const everything = el("input", { type: "checkbox", id: "cards-all" });
  const status = el("p", { class: "cards__status", role: "status" });
  const stage = el("div", { class: "cards__stage" });
  let queue = [];

  function fillTasks() {
    const domain = domainSelect.value;
    const chosen = taskSelect.value;
    taskSelect.replaceChildren(el("option", { value: "", text: "All tasks" }),
      ...domains.filter((d) => !domain || String(d.id) === domain).flatMap((d) => d.tasks)
        .map((t) => el("option", { value: t.id, text: `${t.id} ${t.title}`, selected: t.id === chosen })));
  }

  function selection() {
    return deck.cards.filter((c) => {
      if (c.kind === "glossary" && !glossary.checked) return false;
      if (taskSelect.value) return c.task === taskSelect.value;
      if (domainSelect.value) return String(c.domain) === domainSelect.value;
      return true;
    });
  }

  function start() {
    const marks = store.load().cards;
    const now = Date.now();
    const pool = selection();
    const due = everything.checked ? pool : pool.filter((c) => !marks[c.id] || marks[c.id].due <= now);
    queue = shuffled(due.length).map((i) => due[i]);
    const later = pool.length - due.length;
    const next = pool.filter((c) => marks[c.id] && marks[c.id].due > now).map((c) => marks[c.id].due).sort((a, b) => a - b)[0];
    status.textContent = `${queue.length} card${queue.length === 1 ? "" : "s"} to review in this selection` +
      (later ? `; ${later} not due yet${next ? ` (the next on ${new Date(next).toLocaleDateString()})` : ""}.` : ".");
    show(false);
  }

  function mark(card, good) {
    store.update((data) => {
      const previous = data.cards[card.id] || { box: 0, due: 0 };
      const box = good ? Math.min(previous.box + 1, INTERVAL_DAYS.length - 1) : 0;
      data.cards[card.id] = { box, due: good ? Date.now() + INTERVAL_DAYS[box] * DAY : Date.now() };
    });
    queue.shift();
    if (!good) queue.splice(Math.min(AGAIN_GAP, queue.length), 0, card);
    show(true);
  }

  function show(focus) {
    if (!queue.length) {
      stage.replaceChildren(el("div", { class: "card card--done", tabindex: "-1" }, [
        el("p", { text: "Nothing left to review in this selection." }),
        el("p", { text: "Pick another domain or task, or tick “Review every card, due or not”." }),
      ]));
      if (focus) stage.firstChild.focus();
      return;
    }
    const card = queue[0];
    const back = el("div", { class: "card__back", hidden: true }, [
      el("p", { class: "card__side", text: "Answer" }),
      el("p", { html: card.back }),
      el("p", { class: "card__links" }, [
        el("a", { href: new URL(card.url, root).href, text: card.kind === "glossary" ? "In the glossary" : `Section ${card.objective}` }), " · ",
        el("a", { href: card.source, text: "AWS documentation" }),
      ]),
    ]);
    const again = el("button", { type: "button", class: "md-button", text: "Again", onclick: () => mark(card, false) });
    const good = el("button", { type: "button", class: "md-button md-button--primary", text: "Good", onclick: () => mark(card, true) });
    const grades = el("div", { class: "card__grades", hidden: true }, [again, good]);
    const turn = el("button", { type: "button", class: "md-button md-button--primary", text: "Show the answer", onclick: () => {
      back.hidden = false;
      grades.hidden = false;
      turn.hidden = true;
      back.setAttribute("tabindex", "-1");
      back.focus();
    } });
    stage.replaceChildren(el("div", { class: "card" }, [
      el("p", { class: "card__side", text: `${queue.length} to go · ${card.kind === "glossary" ? "Glossary" : `Task ${card.task}`}` }),
      el("p", { class: "card__front", tabindex: "-1", html: card.front }),
      back, turn, grades,
    ]));
    if (focus) stage.querySelector(".card__front").focus();
  }

  domainSelect.addEventListener("change", () => { fillTasks(); start(); });
  taskSelect.addEventListener("change", start);
  glossary.addEventListener("change", start);
  everything.addEventListener("change", start);
  fillTasks();
  app.replaceChildren(
    ...(notice ? [el("p", { class: "practice__notice", role: "status", text: notice })] : []),
    el("div", { class: "cards__filters" }, [
      el("p", {}, [el("label", { for: "cards-domain", text: "Domain " }), domainSelect]),
      el("p", {}, [el("label", { for: "cards-task", text: "Task " }), taskSelect]),
      el("p", {}, [glossary, el("label", { for: "cards-glossary", text: " Include glossary terms" })]),
      el("p", {}, [everything, el("label", { for: "cards-all", text: " Review every card, due or not" })]),
    ]),
    status, stage,
  );
  start();
}
