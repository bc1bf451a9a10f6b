// A task page's quiz: its questions one at a time or all at once, each checked in the page.

import { el, emptyResponse, feedback, grade, isAnswered, newLayout, questionForm } from "./questions.js";
import * as store from "./store.js";

export function mountQuiz(app, bank, root) {
  const host = app.querySelector(".practice__app") || app;
  const questions = bank.questions;
  const prefs = store.load().prefs;
  let mode = prefs.quizMode === "all" ? "all" : "one";
  let current = 0;
  let items = [];
  const live = el("p", { class: "md-visually-hidden sr-only", "aria-live": "polite" });
  const score = el("p", { class: "quiz__score", role: "status" });
  const list = el("div", { class: "quiz__questions" });
  const position = el("span", { class: "quiz__position" });
  const prev = el("button", { type: "button", class: "md-button", text: "Previous question", onclick: () => go(current - 1) });
  const next = el("button", { type: "button", class: "md-button", text: "Next question", onclick: () => go(current + 1) });
  const nav = el("div", { class: "quiz__nav" }, [prev, position, next]);
  const name = `quiz-mode-${app.dataset.task}`;
  const modeRadio = (value, text) => {
    const id = `${name}-${value}`;
    const input = el("input", { type: "radio", name, id, value, checked: mode === value, onchange: () => setMode(value) });
    return el("span", { class: "quiz__mode-option" }, [input, el("label", { for: id, text })]);
  };
  const modes = el("fieldset", { class: "quiz__mode" }, [el("legend", { text: "Show the questions" }), modeRadio("one", "One at a time"), modeRadio("all", "All at once")]);
  const restart = el("button", { type: "button", class: "md-button quiz__restart", text: "Shuffle and start again", onclick: () => start(true) });

  function updateScore() {
    const checked = items.filter((i) => i.checked);
    const right = checked.filter((i) => i.ok).length;
    score.textContent = `${checked.length} of ${items.length} checked · ${right} right`;
  }

  function build(item, index) {
    const q = item.q;
    const form = el("form", { class: "quiz__item", novalidate: true });
    const error = el("p", { class: "pq__error", role: "alert", id: `${app.dataset.task}-err-${index}`, hidden: true, text: "Choose an answer before you check it." });
    const result = el("div", { class: "pq__feedback", tabindex: "-1", hidden: true, "aria-label": "Answer and explanation" });
    const check = el("button", { type: "submit", class: "md-button md-button--primary", text: "Check answer" });
    const again = el("button", { type: "button", class: "md-button", hidden: true, text: "Try this one again" });
    const view = questionForm(q, bank, item.state, {
      label: `Question ${index + 1} of ${items.length}`,
      live: (message) => { live.textContent = message; },
      onChange: () => { error.hidden = true; view.fieldset.removeAttribute("aria-describedby"); },
    });
    form.append(view.node, error, el("div", { class: "quiz__actions" }, [check, again]), result);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!isAnswered(q, item.state.response, true)) {
        error.hidden = false;
        view.fieldset.setAttribute("aria-describedby", error.id);
        (view.node.querySelector("input, select, button") || view.legend).focus();
        return;
      }
      item.checked = true;
      item.ok = grade(q, item.state.response);
      store.recordAnswer(q, item.ok);
      view.setLocked(true);
      check.hidden = true;
      again.hidden = false;
      result.replaceChildren(feedback(q, item.state.response, bank, root, item.state.layout));
      result.hidden = false;
      result.focus();
      updateScore();
    });
    again.addEventListener("click", () => {
      item.state = { layout: newLayout(q), response: null, touched: false };
      item.state.response = emptyResponse(q, item.state.layout);
      item.checked = false;
      const fresh = build(item, index);
      item.node.replaceWith(fresh);
      item.node = fresh;
      show();
      updateScore();
      fresh.querySelector(".pq__legend").focus();
    });
    return form;
  }

  function show() {
    items.forEach((item, index) => { item.node.hidden = mode === "one" && index !== current; });
    nav.hidden = mode !== "one";
    prev.disabled = current === 0;
    next.disabled = current === items.length - 1;
    position.textContent = `Question ${current + 1} of ${items.length}`;
  }

  function go(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    show();
    items[current].node.querySelector(".pq__legend").focus();
  }

  function setMode(value) {
    mode = value;
    store.update((data) => { data.prefs.quizMode = value; });
    show();
  }

  function start(reshuffle) {
    const order = reshuffle ? newOrder() : questions.map((_, i) => i);
    items = order.map((i) => {
      const q = questions[i];
      const layout = newLayout(q);
      return { q, state: { layout, response: emptyResponse(q, layout), touched: false }, checked: false, ok: false };
    });
    items.forEach((item, index) => { item.node = build(item, index); });
    list.replaceChildren(...items.map((i) => i.node));
    current = 0;
    show();
    updateScore();
    if (reshuffle) items[0].node.querySelector(".pq__legend").focus();
  }

  function newOrder() {
    const order = questions.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  }

  const notice = store.takeNotice();
  host.replaceChildren(
    ...(notice ? [el("p", { class: "practice__notice", role: "status", text: notice })] : []),
    el("div", { class: "quiz__bar" }, [modes, restart]),
    score, list, nav, live,
  );
  start(false);
}
