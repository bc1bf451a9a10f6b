// Entry point, imported by practice-loader.js on the pages that need it. Each kind of practice app gets
// the one data file it needs: a task page its own questions, the exam and progress pages the whole bank,
// the flashcards page the cards (macros/practice.py writes them at build time).

import { mountCards } from "./cards.js";
import { mountExam } from "./exam.js";
import { markProgress as mark, mountProgress } from "./progress.js";
import { mountQuiz } from "./quiz.js";

const cache = new Map();

function fetchJson(url) {
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${response.status} for ${url}`);
      return response.json();
    }));
  }
  return cache.get(url);
}

function failed(app, error) {
  app.replaceChildren();
  const p = document.createElement("p");
  p.className = "practice__notice";
  p.setAttribute("role", "alert");
  p.textContent = `The practice data could not be loaded (${error.message}). Reload the page to try again.`;
  app.append(p);
}

export function mount(app, root) {
  const kind = app.dataset.practice;
  const data = (file) => fetchJson(new URL(`assets/practice/${file}`, root).href);
  let ready;
  if (kind === "quiz") ready = data(`${app.dataset.task}.json`).then((bank) => mountQuiz(app, bank, root));
  else if (kind === "exam") ready = data("bank.json").then((bank) => mountExam(app, bank, root));
  else if (kind === "progress") ready = data("bank.json").then((bank) => mountProgress(app, bank, root));
  else if (kind === "cards") ready = data("cards.json").then((deck) => mountCards(app, deck, root));
  else return;
  ready.then(() => app.setAttribute("data-ready", ""), (error) => failed(app, error));
}

export function markProgress(doc, root) {
  // The task's own file has the question counts of every objective (its outline part is the whole outline).
  const task = doc.querySelector("[data-practice='quiz']");
  const file = task ? `${task.dataset.task}.json` : "bank.json";
  return fetchJson(new URL(`assets/practice/${file}`, root).href).then((bank) => mark(doc, bank), () => mark(doc, null));
}
