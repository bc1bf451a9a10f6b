// Progress: the page that sums the reader's answers by domain and task and names the weakest objectives,
// export / import / reset, and the "how you did" marks on task pages and the coverage page.

import { el } from "./questions.js";
import * as store from "./store.js";

function percent(right, total) {
  return total ? Math.round((100 * right) / total) : 0;
}

// Per objective (its first objective is where a question counts): answered and right.
export function byObjective(answers) {
  const result = new Map();
  for (const answer of Object.values(answers)) {
    const id = answer.obj[0];
    const entry = result.get(id) || { answered: 0, right: 0 };
    entry.answered += 1;
    entry.right += answer.ok ? 1 : 0;
    result.set(id, entry);
  }
  return result;
}

function markText(entry, total) {
  return `Practice: ${entry.right} of ${entry.answered} right` + (total > entry.answered ? ` (${total - entry.answered} more to try)` : "");
}

// Task pages: a mark after each objective heading; coverage page: after each objective's link.
export function markProgress(doc, bank) {
  const data = store.load();
  const objectives = byObjective(data.answers);
  if (!objectives.size) return;
  const total = (id) => (bank && bank.outline.objectives[id] ? bank.outline.objectives[id].questions : 0);
  doc.querySelectorAll(".progress-mark").forEach((n) => n.remove());
  for (const [id, entry] of objectives) {
    const anchor = id.replace(/\./g, "-").toLowerCase();
    const mark = () => el("span", { class: `progress-mark ${entry.right === entry.answered ? "progress-mark--good" : ""}`, text: markText(entry, total(id)) });
    const heading = doc.getElementById(anchor);
    if (heading && heading.matches("h3.objective")) heading.insertAdjacentElement("afterend", el("p", { class: "progress-mark-line" }, mark()));
    doc.querySelectorAll(`td a[href$="#${anchor}"]`).forEach((link) => link.insertAdjacentElement("afterend", mark()));
  }
}

export function mountProgress(app, bank, root) {
  const status = el("p", { class: "practice__notice", role: "status" });
  const notice = store.takeNotice();

  function draw(message) {
    const data = store.load();
    const answers = data.answers;
    const objectives = byObjective(answers);
    const known = new Set(bank.questions.map((q) => q.id));
    const mine = Object.entries(answers).filter(([id]) => known.has(id));
    const right = mine.filter(([, a]) => a.ok).length;
    const parts = [];
    status.textContent = message || notice || "";
    status.hidden = !status.textContent;
    parts.push(status);
    parts.push(el("h2", { text: "Overview" }));
    if (!mine.length) {
      parts.push(el("p", {}, ["Nothing answered yet. Start with the quiz at the foot of a task page, for example ",
        el("a", { href: new URL(bank.outline.domains[0].tasks[0].url + "#practice", root).href, text: "task 1.1" }),
        ", or take the ", el("a", { href: new URL("practice/mock-exam/", root).href, text: "mock exam" }), "."]));
    } else {
      parts.push(el("p", { class: "progress__total" }, [el("strong", { text: `${mine.length} of ${bank.questions.length}` }),
        ` questions answered, ${right} right the last time (${percent(right, mine.length)} %).`]));
    }
    const rows = [];
    for (const domain of bank.outline.domains) {
      const tasks = domain.tasks.map((task) => {
        const done = mine.filter(([, a]) => a.task === task.id);
        return { task, answered: done.length, right: done.filter(([, a]) => a.ok).length };
      });
      const sum = tasks.reduce((s, t) => ({ answered: s.answered + t.answered, right: s.right + t.right, total: s.total + t.task.questions }), { answered: 0, right: 0, total: 0 });
      rows.push(el("tr", { class: "progress__domain" }, [
        el("th", { scope: "row", text: `Domain ${domain.id}: ${domain.title}` }),
        el("td", { text: `${sum.answered} of ${sum.total}` }),
        el("td", { text: sum.answered ? `${sum.right} (${percent(sum.right, sum.answered)} %)` : "–" }),
      ]));
      for (const t of tasks) {
        rows.push(el("tr", {}, [
          el("th", { scope: "row" }, el("a", { href: new URL(t.task.url + (t.task.questions ? "#practice" : ""), root).href, text: `${t.task.id} ${t.task.title}` })),
          el("td", { text: t.task.questions ? `${t.answered} of ${t.task.questions}` : "no questions yet" }),
          el("td", { text: t.answered ? `${t.right} (${percent(t.right, t.answered)} %)` : "–" }),
        ]));
      }
    }
    parts.push(el("div", { class: "progress__table" }, el("table", {}, [
      el("caption", { text: "By domain and task" }),
      el("thead", {}, el("tr", {}, [el("th", { scope: "col", text: "Domain and task" }), el("th", { scope: "col", text: "Answered" }), el("th", { scope: "col", text: "Right" })])),
      el("tbody", {}, rows),
    ])));

    parts.push(el("h2", { text: "Reread first" }));
    const weakest = [...objectives.entries()]
      .filter(([id, e]) => e.right < e.answered && bank.outline.objectives[id])
      .sort((a, b) => a[1].right / a[1].answered - b[1].right / b[1].answered || b[1].answered - a[1].answered)
      .slice(0, 6);
    parts.push(weakest.length
      ? el("ol", { class: "progress__weakest" }, weakest.map(([id, e]) => el("li", {}, [
        el("a", { href: new URL(bank.outline.objectives[id].url, root).href, text: `${id} ${bank.outline.objectives[id].title}` }),
        `: ${e.right} of ${e.answered} right`,
      ])))
      : el("p", { text: mine.length ? "No weak spots among what you have answered: try the tasks you have not touched yet." : "Answer some questions first." }));

    if (data.exams.length) {
      parts.push(el("h2", { text: "Mock exams" }));
      parts.push(el("div", { class: "progress__exams" }, el("table", {}, [
        el("thead", {}, el("tr", {}, [el("th", { scope: "col", text: "Date" }), el("th", { scope: "col", text: "Questions" }), el("th", { scope: "col", text: "Right" })])),
        el("tbody", {}, data.exams.slice().reverse().map((e) => {
          const ok = e.items.filter((i) => i.ok).length;
          return el("tr", {}, [el("td", { text: new Date(e.at).toLocaleString() }), el("td", { text: String(e.items.length) }), el("td", { text: `${ok} (${percent(ok, e.items.length)} %)` })]);
        })),
      ])));
    }
    const cards = Object.values(data.cards);
    if (cards.length) {
      const due = cards.filter((c) => c.due <= Date.now()).length;
      parts.push(el("h2", { text: "Flashcards" }));
      parts.push(el("p", {}, [`${cards.length} cards reviewed, ${due} due again now. `, el("a", { href: new URL("practice/flashcards/", root).href, text: "Review them" }), "."]));
    }

    parts.push(el("h2", { text: "Keep, move or reset your progress" }));
    const fileInput = el("input", { type: "file", id: "progress-import", accept: "application/json,.json", class: "progress__file" });
    fileInput.addEventListener("change", () => {
      const file = fileInput.files && fileInput.files[0];
      if (!file) return;
      file.text().then((text) => {
        try {
          store.importText(text);
          draw(`Imported ${file.name}.`);
        } catch (error) {
          draw(`Could not import ${file.name}: ${error.message}. Your progress is unchanged.`);
        }
        app.querySelector(".practice__notice").focus();
      });
    });
    const confirmBox = el("div", { class: "progress__confirm", hidden: true }, [
      el("p", { text: "This deletes every saved answer, flashcard mark, mock exam and the exam in progress from this browser." }),
      el("button", { type: "button", class: "md-button md-button--primary", text: "Yes, reset my progress", onclick: () => { store.reset(); draw("Your progress has been reset."); app.querySelector(".practice__notice").focus(); } }), " ",
      el("button", { type: "button", class: "md-button", text: "Cancel", onclick: () => { confirmBox.hidden = true; } }),
    ]);
    parts.push(el("div", { class: "progress__actions" }, [
      el("button", { type: "button", class: "md-button", text: "Export to a file", onclick: () => {
        const blob = new Blob([store.exportText()], { type: "application/json" });
        const link = el("a", { href: URL.createObjectURL(blob), download: `mla-c01-progress-${new Date().toISOString().slice(0, 10)}.json` });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      } }),
      el("label", { for: "progress-import", class: "md-button" }, "Import from a file"),
      fileInput,
      el("button", { type: "button", class: "md-button", text: "Reset…", onclick: () => { confirmBox.hidden = false; confirmBox.querySelector("button").focus(); } }),
    ]));
    parts.push(confirmBox);
    app.replaceChildren(...parts);
    status.setAttribute("tabindex", "-1");
  }
  draw();
}
