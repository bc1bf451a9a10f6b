// The mock exam: questions drawn by domain weight, a countdown that can be paused, flag for review, a
// question list, and a result screen by domain and task with every question reviewable. The exam in
// progress is saved after every change, so a reload resumes it (paused).

import { el, emptyResponse, feedback, grade, isAnswered, newLayout, questionForm, shuffled } from "./questions.js";
import * as store from "./store.js";

const MINUTES_PER_QUESTION = 2; // 130 minutes for 65 questions

// How many questions each domain gets in a full exam: 65 split by weight (28/26/22/24 -> 18/17/14/16).
export function quotas(bank) {
  const total = bank.exam.questions;
  const domains = bank.outline.domains;
  const raw = domains.map((d) => (total * d.weight) / 100);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0]).forEach(([, i]) => { if (left-- > 0) counts[i] += 1; });
  return domains.map((d, i) => ({ domain: d.id, title: d.title, wanted: counts[i], have: bank.questions.filter((q) => q.domain === d.id).length }));
}

// The questions of a new exam: `scope` is "full" (by weight) or a domain id (all its questions).
export function draw(bank, scope) {
  const pick = (pool, n) => shuffled(pool.length).slice(0, n).map((i) => pool[i]);
  if (scope !== "full") return pick(bank.questions.filter((q) => q.domain === Number(scope)), Infinity);
  return quotas(bank).flatMap((d) => pick(bank.questions.filter((q) => q.domain === d.domain), d.wanted));
}

function clock(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, "0");
  return `${h}:${pad(m)}:${pad(s % 60)}`;
}

function percent(right, total) {
  return total ? Math.round((100 * right) / total) : 0;
}

export function mountExam(app, bank, root) {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  let exam = null;
  let timer = null;
  const live = el("p", { class: "md-visually-hidden", "aria-live": "assertive" });
  const notice = store.takeNotice();

  function persist() {
    store.update((data) => { data.exam = exam; });
  }

  function screen(...children) {
    stopTimer();
    app.replaceChildren(...(notice ? [el("p", { class: "practice__notice", role: "status", text: notice })] : []), ...children, live);
  }

  function focusHeading() {
    const heading = app.querySelector("h2, h3");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }

  // ---------------------------------------------------------------- start
  function intro() {
    const saved = store.load();
    const q = quotas(bank);
    const short = q.filter((d) => d.have < d.wanted);
    const fullCount = q.reduce((n, d) => n + Math.min(d.wanted, d.have), 0);
    const scopeSelect = el("select", { id: "exam-scope" }, [
      el("option", { value: "full", text: `Full exam by domain weight (${fullCount} questions, ${fullCount * MINUTES_PER_QUESTION} minutes)` }),
      ...bank.outline.domains.filter((d) => q[d.id - 1].have).map((d) =>
        el("option", { value: String(d.id), text: `Domain ${d.id} only (${q[d.id - 1].have} questions, ${q[d.id - 1].have * MINUTES_PER_QUESTION} minutes)` })),
    ]);
    const parts = [
      el("h2", { text: "Start a mock exam" }),
      el("div", { class: "exam__quota" }, el("table", {}, [
        el("caption", { text: "Questions per domain in a full exam" }),
        el("thead", {}, el("tr", {}, [el("th", { scope: "col", text: "Domain" }), el("th", { scope: "col", text: "Weight" }), el("th", { scope: "col", text: "Exam" }), el("th", { scope: "col", text: "In the bank" })])),
        el("tbody", {}, q.map((d) => el("tr", {}, [
          el("td", { text: `${d.domain} ${d.title}` }), el("td", { text: `${bank.outline.domains[d.domain - 1].weight} %` }),
          el("td", { text: String(d.wanted) }), el("td", { text: d.have < d.wanted ? `${d.have} (short)` : String(d.have) }),
        ]))),
      ])),
    ];
    if (short.length) {
      parts.push(el("p", { class: "practice__notice", text:
        `The bank is still short: ${short.map((d) => `Domain ${d.domain} has ${d.have} of ${d.wanted}`).join(", ")}. ` +
        `A full exam today has ${fullCount} questions instead of ${bank.exam.questions}, and ${fullCount * MINUTES_PER_QUESTION} minutes instead of ${bank.exam.minutes}.` }));
    }
    if (saved.exam) { // started in another tab since this page opened
      const e = saved.exam;
      parts.push(el("div", { class: "exam__resume" }, [
        el("p", { text: `You have an exam in progress: ${e.items.filter((i) => isAnswered(byId.get(i.id), i.response, i.touched)).length} of ${e.items.length} answered, ${clock(e.remaining)} left.` }),
        el("button", { type: "button", class: "md-button md-button--primary", text: "Resume the exam", onclick: () => { exam = e; run(); } }),
        " ",
        el("button", { type: "button", class: "md-button", text: "Discard it", onclick: () => { store.update((d) => { d.exam = null; }); intro(); focusHeading(); } }),
      ]));
    } else {
      parts.push(el("p", {}, [el("label", { for: "exam-scope", text: "Exam: " }), scopeSelect]));
      parts.push(el("button", { type: "button", class: "md-button md-button--primary", text: "Start the exam", onclick: () => begin(scopeSelect.value) }));
    }
    if (saved.exams.length) {
      parts.push(el("p", {}, [el("button", { type: "button", class: "md-button", text: "Review your last exam", onclick: () => results(saved.exams[saved.exams.length - 1]) })]));
    }
    screen(...parts);
  }

  function begin(scope) {
    const questions = draw(bank, scope);
    exam = {
      scope, started: Date.now(), remaining: questions.length * MINUTES_PER_QUESTION * 60000, running: true, current: 0,
      items: questions.map((q) => { const layout = newLayout(q); return { id: q.id, layout, response: emptyResponse(q, layout), touched: false, flag: false }; }),
    };
    persist();
    run();
  }

  // ---------------------------------------------------------------- the exam
  function stopTimer() {
    if (timer) window.clearInterval(timer);
    timer = null;
  }

  function run() {
    const time = el("span", { class: "exam__time", role: "timer", "aria-live": "off" });
    const pause = el("button", { type: "button", class: "md-button" });
    const counter = el("span", { class: "exam__counter" });
    const listToggle = el("button", { type: "button", class: "md-button exam__list-toggle", "aria-expanded": "false", "aria-controls": "exam-list", text: "Question list" });
    const finish = el("button", { type: "button", class: "md-button md-button--primary", text: "Review and submit", onclick: () => review() });
    const listNav = el("nav", { class: "exam__list", id: "exam-list", "aria-label": "Question list", hidden: true });
    const stage = el("div", { class: "exam__stage" });
    const flag = el("input", { type: "checkbox", id: "exam-flag" });
    const prev = el("button", { type: "button", class: "md-button", text: "Previous", onclick: () => go(exam.current - 1) });
    const next = el("button", { type: "button", class: "md-button", text: "Next", onclick: () => go(exam.current + 1) });
    const paused = el("div", { class: "exam__paused", hidden: true }, [
      el("p", { text: "The exam is paused. The questions are hidden until you resume." }),
    ]);
    let last = Date.now();
    const warned = new Set();

    listToggle.addEventListener("click", () => {
      const open = listNav.hidden;
      listNav.hidden = !open;
      listToggle.setAttribute("aria-expanded", String(open));
      if (open) (listNav.querySelector("[aria-current]") || listNav.querySelector("button")).focus();
    });
    flag.addEventListener("change", () => { exam.items[exam.current].flag = flag.checked; persist(); drawList(); });

    function tick() {
      const now = Date.now();
      if (exam.running) exam.remaining -= now - last;
      last = now;
      time.textContent = clock(exam.remaining);
      for (const minutes of [10, 5, 1]) {
        if (exam.running && exam.remaining <= minutes * 60000 && !warned.has(minutes) && exam.remaining > 0) {
          warned.add(minutes);
          live.textContent = `${minutes} minute${minutes > 1 ? "s" : ""} left.`;
        }
      }
      if (exam.remaining <= 0) {
        live.textContent = "Time is up. Your exam has been submitted.";
        submit();
        return;
      }
      if (exam.running && now % 5000 < 1000) persist();
    }

    function setRunning(running) {
      exam.running = running;
      last = Date.now();
      pause.textContent = running ? "Pause" : "Resume";
      paused.hidden = running;
      stage.hidden = !running;
      [prev, next, listToggle, finish, flag].forEach((b) => { b.disabled = !running; });
      if (!running) { listNav.hidden = true; listToggle.setAttribute("aria-expanded", "false"); }
      persist();
    }
    pause.addEventListener("click", () => { setRunning(!exam.running); pause.focus(); });

    function status(item) {
      const q = byId.get(item.id);
      return isAnswered(q, item.response, item.touched);
    }

    function drawList() {
      listNav.replaceChildren(el("ol", {}, exam.items.map((item, index) => {
        const answered = status(item);
        const words = [`Question ${index + 1}`, answered ? "answered" : "not answered", item.flag ? "flagged" : ""].filter(Boolean).join(", ");
        return el("li", {}, el("button", {
          type: "button",
          class: `exam__jump${answered ? " is-answered" : ""}${item.flag ? " is-flagged" : ""}`,
          "aria-label": words,
          "aria-current": index === exam.current ? "step" : null,
          text: `${index + 1}${item.flag ? " ⚑" : ""}`,
          onclick: () => go(index),
        }));
      })));
    }

    function showQuestion(focus) {
      const item = exam.items[exam.current];
      const q = byId.get(item.id);
      const view = questionForm(q, bank, item, {
        label: `Question ${exam.current + 1} of ${exam.items.length}`,
        live: (message) => { live.textContent = message; },
        onChange: () => { persist(); drawList(); },
      });
      stage.replaceChildren(view.node);
      flag.checked = item.flag;
      counter.textContent = `Question ${exam.current + 1} of ${exam.items.length}`;
      prev.disabled = exam.current === 0;
      next.disabled = exam.current === exam.items.length - 1;
      drawList();
      if (focus) view.legend.focus();
    }

    function go(index) {
      exam.current = Math.max(0, Math.min(exam.items.length - 1, index));
      persist();
      showQuestion(true);
    }

    screen(
      el("div", { class: "exam__bar" }, [
        el("span", { class: "exam__clock" }, [el("span", { class: "md-visually-hidden", text: "Time left: " }), time]), pause, counter, listToggle, finish,
      ]),
      listNav, paused, stage,
      el("div", { class: "exam__nav" }, [prev, el("span", { class: "exam__flag" }, [flag, el("label", { for: "exam-flag", text: "Flag for review" })]), next]),
    );
    showQuestion(false);
    tick();
    setRunning(exam.running);
    timer = window.setInterval(tick, 1000);
    focusHeading();
    stage.querySelector(".pq__legend")?.focus();
  }

  // ---------------------------------------------------------------- before submitting
  function review() {
    const unanswered = [];
    const flagged = [];
    exam.items.forEach((item, index) => {
      if (!isAnswered(byId.get(item.id), item.response, item.touched)) unanswered.push(index);
      if (item.flag) flagged.push(index);
    });
    persist();
    const jumpList = (indexes) => el("ul", { class: "exam__review-list" }, indexes.map((i) =>
      el("li", {}, el("button", { type: "button", class: "exam__jump-link", text: `Question ${i + 1}`, onclick: () => { exam.current = i; run(); } }))));
    screen(
      el("h2", { text: "Review before you submit" }),
      el("p", { text: `${exam.items.length - unanswered.length} of ${exam.items.length} answered, ${flagged.length} flagged for review. An unanswered question counts as wrong.` }),
      ...(unanswered.length ? [el("h3", { text: "Not answered" }), jumpList(unanswered)] : []),
      ...(flagged.length ? [el("h3", { text: "Flagged for review" }), jumpList(flagged)] : []),
      el("p", { class: "exam__review-actions" }, [
        el("button", { type: "button", class: "md-button", text: "Back to the questions", onclick: () => run() }), " ",
        el("button", { type: "button", class: "md-button md-button--primary", text: "Submit the exam", onclick: () => submit() }),
      ]),
    );
    // The clock keeps running while you review, as on the real exam.
    timer = window.setInterval(() => {
      exam.remaining -= 1000;
      if (exam.remaining <= 0) { live.textContent = "Time is up. Your exam has been submitted."; submit(); }
    }, 1000);
    focusHeading();
  }

  function submit() {
    stopTimer();
    const items = exam.items.map((item) => {
      const q = byId.get(item.id);
      const answered = isAnswered(q, item.response, item.touched);
      return { id: item.id, layout: item.layout, response: item.response, touched: item.touched, ok: answered && grade(q, item.response) };
    });
    const record = { at: Date.now(), scope: exam.scope, seconds: Math.round((Date.now() - exam.started) / 1000), items };
    store.update((data) => {
      data.exam = null;
      data.exams.push(record);
      data.exams = data.exams.slice(-20);
      for (const item of items) {
        const q = byId.get(item.id);
        const previous = data.answers[q.id];
        data.answers[q.id] = { ok: item.ok, at: record.at, n: (previous && previous.n ? previous.n : 0) + 1, obj: q.objectives, task: q.task };
      }
    });
    exam = null;
    results(record);
  }

  // ---------------------------------------------------------------- results
  function results(record) {
    const items = record.items.filter((i) => byId.has(i.id));
    const right = items.filter((i) => i.ok).length;
    const group = (key) => {
      const groups = new Map();
      for (const item of items) {
        const q = byId.get(item.id);
        const k = key(q);
        const g = groups.get(k) || { right: 0, total: 0 };
        g.total += 1;
        g.right += item.ok ? 1 : 0;
        groups.set(k, g);
      }
      return groups;
    };
    const table = (caption, heading, groups, label) => el("div", { class: "exam__scores" }, el("table", {}, [
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, [el("th", { scope: "col", text: heading }), el("th", { scope: "col", text: "Right" }), el("th", { scope: "col", text: "Score" })])),
      el("tbody", {}, [...groups.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]), undefined, { numeric: true })).map(([k, g]) =>
        el("tr", {}, [el("th", { scope: "row" }, label(k)), el("td", { text: `${g.right} of ${g.total}` }), el("td", { text: `${percent(g.right, g.total)} %` })]))),
    ]));
    const taskTitle = new Map(bank.outline.domains.flatMap((d) => d.tasks.map((t) => [t.id, t])));
    const missedObjectives = new Map();
    for (const item of items.filter((i) => !i.ok)) {
      for (const o of byId.get(item.id).objectives) missedObjectives.set(o, (missedObjectives.get(o) || 0) + 1);
    }
    const reread = [...missedObjectives.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { numeric: true }));
    const onlyMissed = el("input", { type: "checkbox", id: "review-missed" });
    const reviewList = el("ol", { class: "exam__review" });
    const drawReview = () => {
      reviewList.replaceChildren(...items.map((item, index) => {
        if (onlyMissed.checked && item.ok) return null;
        const q = byId.get(item.id);
        const state = { layout: item.layout, response: item.response, touched: item.touched };
        const view = questionForm(q, bank, state, { label: `Question ${index + 1} · ${item.ok ? "right" : "wrong"}` });
        view.setLocked(true);
        return el("li", { class: `exam__reviewed ${item.ok ? "is-right" : "is-wrong"}`, value: String(index + 1) }, [
          view.node, el("div", { class: "pq__feedback" }, feedback(q, item.response, bank, root, item.layout)),
        ]);
      }).filter(Boolean));
    };
    onlyMissed.addEventListener("change", drawReview);
    screen(
      el("h2", { text: "Your result" }),
      el("p", { class: "exam__total" }, [el("strong", { text: `${right} of ${items.length} right (${percent(right, items.length)} %)` }),
        ` in ${Math.round(record.seconds / 60)} minutes, ${new Date(record.at).toLocaleString()}.`]),
      el("p", { class: "exam__scale-note" }, [
        "This percentage is not AWS's score. AWS reports a scaled score from 100 to 1,000 (720 passes), equated across exam forms, and 15 of its 65 questions are unscored. Use the breakdown below to decide what to reread, not to predict a pass.",
      ]),
      table("Score by domain", "Domain", group((q) => q.domain), (k) => document.createTextNode(`${k} ${bank.outline.domains[k - 1].title}`)),
      table("Score by task", "Task", group((q) => q.task), (k) => el("a", { href: new URL(taskTitle.get(k).url, root).href, text: `${k} ${taskTitle.get(k).title}` })),
      el("h3", { text: "Reread first" }),
      reread.length
        ? el("ul", { class: "exam__reread" }, reread.map(([id, misses]) => el("li", {}, [
          el("a", { href: new URL(bank.outline.objectives[id].url, root).href, text: `${id} ${bank.outline.objectives[id].title}` }),
          ` (${misses} missed question${misses > 1 ? "s" : ""})`,
        ])))
        : el("p", { text: "Nothing: every question right." }),
      el("h3", { text: "Every question, with its explanation" }),
      el("p", {}, [onlyMissed, el("label", { for: "review-missed", text: " Show only the questions I missed" })]),
      reviewList,
      el("p", {}, [el("button", { type: "button", class: "md-button md-button--primary", text: "Start a new exam", onclick: () => { intro(); focusHeading(); } })]),
    );
    drawReview();
    focusHeading();
  }

  const saved = store.load().exam;
  if (saved && saved.items.every((i) => byId.has(i.id))) {
    exam = saved;
    exam.running = false; // a reload resumes the exam paused
    run();
  } else {
    if (saved) store.update((d) => { d.exam = null; });
    intro();
  }
}

