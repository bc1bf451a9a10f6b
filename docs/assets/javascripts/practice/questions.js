// One question on screen: the form (fieldset and legend, per the GOV.UK question-page pattern), the
// reader's response, grading and the feedback with the reason for every option. Shared by the task
// quizzes, the mock exam and its review. Question text is HTML the build escaped (macros/practice.py).

let counter = 0;

export const TYPE_NAMES = {
  "multiple-choice": "Multiple choice",
  "multiple-response": "Multiple response",
  ordering: "Ordering",
  matching: "Matching",
};

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "html") node.innerHTML = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

export function shuffled(length) {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

// A display order for a question: options shuffled; ordering steps and matching answers never shown
// already in their right order.
export function newLayout(q) {
  const count = q.options ? q.options.length : q.steps ? q.steps.length : q.pairs.length;
  let order = shuffled(count);
  if (!q.options) while (order.every((v, i) => v === i)) order = shuffled(count);
  return order;
}

export function emptyResponse(q, layout) {
  if (q.type === "multiple-choice") return null;
  if (q.type === "multiple-response") return [];
  if (q.type === "ordering") return layout.slice();
  return q.pairs.map(() => null);
}

export function isAnswered(q, response, touched) {
  if (q.type === "multiple-choice") return response !== null && response !== undefined;
  if (q.type === "multiple-response") return Array.isArray(response) && response.length > 0;
  if (q.type === "ordering") return Boolean(touched);
  return Array.isArray(response) && response.every((r) => r !== null);
}

export function grade(q, response) {
  if (q.type === "multiple-choice") return response !== null && q.options[response].correct;
  if (q.type === "multiple-response") {
    const picked = new Set(response || []);
    return q.options.every((o, i) => o.correct === picked.has(i));
  }
  if (q.type === "ordering") return response.every((step, position) => step === position);
  return response.every((right, left) => right === left);
}

function plain(html) {
  const div = document.createElement("div");
  div.innerHTML = html;
  return div.textContent;
}

// Links to the guide's sections and to AWS documentation, for feedback and review.
export function learnLinks(q, bank, root) {
  const objectives = q.objectives.map((id) => {
    const o = bank.outline.objectives[id];
    return el("a", { href: new URL(o.url, root).href, text: `${id} ${o.title}` });
  });
  const sources = q.sources.map((s) => el("a", { href: s.url, text: s.label }));
  const join = (links) => links.flatMap((link, i) => (i ? [", ", link] : [link]));
  return el("p", { class: "pq__links" }, [
    el("strong", { text: "Learn it: " }), ...join(objectives), ". ",
    el("strong", { text: "AWS documentation: " }), ...join(sources), ".",
  ]);
}

export function caseBlock(q, bank) {
  if (!q.case) return null;
  const c = bank.cases[q.case];
  return el("div", { class: "pq__case" }, [
    el("p", { class: "pq__case-title", html: `Case study: ${c.title}` }),
    el("p", { html: c.scenario }),
  ]);
}

// The answer explained: what was right, what the reader chose, and why each option is right or wrong.
export function feedback(q, response, bank, root, layout) {
  const ok = grade(q, response);
  const parts = [el("p", { class: `pq__verdict ${ok ? "pq__verdict--right" : "pq__verdict--wrong"}` }, [
    el("strong", { text: ok ? "Right." : "Not quite." }),
    " ",
    ok ? "" : q.type === "multiple-response" ? "You score only with exactly the right options." : "",
  ])];
  if (q.options) {
    const picked = new Set(q.type === "multiple-choice" ? (response === null ? [] : [response]) : response);
    const order = layout || q.options.map((_, i) => i); // as the options were shown
    parts.push(el("ul", { class: "pq__whys" }, order.map((i) => {
      const o = q.options[i];
      const mine = picked.has(i);
      const label = o.correct ? (mine ? "Right answer, your choice" : "Right answer") : mine ? "Your choice, wrong" : "Wrong";
      return el("li", { class: o.correct ? "is-correct" : mine ? "is-wrong" : "" }, [
        el("span", { class: "pq__tag", text: label }), " ",
        el("span", { class: "pq__option-text", html: o.text }), " ",
        el("span", { class: "pq__why", html: o.why }),
      ]);
    })));
  } else if (q.steps) {
    parts.push(el("p", { text: "The right order:" }));
    parts.push(el("ol", { class: "pq__whys" }, q.steps.map((s, i) => {
      const mineAt = response.indexOf(i);
      return el("li", { class: mineAt === i ? "is-correct" : "is-wrong" }, [
        el("span", { html: s.text }),
        mineAt === i ? el("span", { class: "pq__tag", text: " (you had it here)" })
          : el("span", { class: "pq__tag", text: ` (you had it at step ${mineAt + 1})` }),
        s.why ? el("span", { class: "pq__why", html: ` ${s.why}` }) : null,
      ]);
    })));
  } else {
    parts.push(el("ul", { class: "pq__whys" }, q.pairs.map((p, i) => {
      const chosen = response[i];
      const right = chosen === i;
      return el("li", { class: right ? "is-correct" : "is-wrong" }, [
        el("span", { html: p.left }), " → ", el("strong", { html: p.right }),
        right ? el("span", { class: "pq__tag", text: " (yours too)" })
          : el("span", { class: "pq__tag", html: chosen === null ? " (you left it empty)" : ` (you chose ${q.pairs[chosen].right})` }),
      ]);
    })));
  }
  if (q.explanation) parts.push(el("p", { class: "pq__explanation", html: q.explanation }));
  parts.push(learnLinks(q, bank, root));
  return el("div", { class: "pq__feedback-body" }, parts);
}

// The form for one question. `state` = {layout, response, touched}; `onChange(state)` after each change.
// `label` is the legend's prefix ("Question 3 of 22"). Returns {node, legend, setLocked}.
export function questionForm(q, bank, state, { label, onChange, live }) {
  const uid = `pq${++counter}`;
  const legend = el("legend", { class: "pq__legend", tabindex: "-1" }, [
    el("span", { class: "pq__meta", text: `${label} · ${TYPE_NAMES[q.type]}` }),
    el("span", { class: "pq__stem", html: q.stem }),
  ]);
  const fieldset = el("fieldset", { class: "pq__fieldset" }, [legend]);
  const changed = () => onChange && onChange(state);
  const inputs = [];

  if (q.options) {
    const kind = q.type === "multiple-choice" ? "radio" : "checkbox";
    const list = el("div", { class: "pq__options" });
    for (const index of state.layout) {
      const id = `${uid}-o${index}`;
      const checked = kind === "radio" ? state.response === index : (state.response || []).includes(index);
      const input = el("input", { type: kind, id, name: uid, value: String(index), checked });
      input.addEventListener("change", () => {
        if (kind === "radio") state.response = index;
        else state.response = inputs.filter((i) => i.checked).map((i) => Number(i.value));
        state.touched = true;
        changed();
      });
      inputs.push(input);
      list.append(el("div", { class: "pq__option" }, [input, el("label", { for: id, html: q.options[index].text })]));
    }
    fieldset.append(list);
  } else if (q.steps) {
    const hint = el("p", { class: "pq__hint", id: `${uid}-hint`, text: "Put the steps in order with the Up and Down buttons." });
    const list = el("ol", { class: "pq__order", "aria-describedby": `${uid}-hint` });
    const draw = (focus) => {
      list.replaceChildren();
      state.response.forEach((step, position) => {
        const text = plain(q.steps[step].text);
        const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
        const move = (delta) => () => {
          const target = position + delta;
          if (target < 0 || target >= state.response.length) return;
          const order = state.response;
          [order[position], order[target]] = [order[target], order[position]];
          state.touched = true;
          draw({ step, up: delta < 0 });
          if (live) live(`“${short}” is now step ${target + 1} of ${order.length}.`);
          changed();
        };
        const up = el("button", { type: "button", class: "pq__move", "aria-label": `Move up: ${short}`, disabled: position === 0, onclick: move(-1), text: "↑" });
        const down = el("button", { type: "button", class: "pq__move", "aria-label": `Move down: ${short}`, disabled: position === state.response.length - 1, onclick: move(1), text: "↓" });
        inputs.push(up, down);
        list.append(el("li", { class: "pq__step" }, [el("span", { class: "pq__step-text", html: q.steps[step].text }), el("span", { class: "pq__moves" }, [up, down])]));
        if (focus && focus.step === step) {
          const button = (focus.up && !up.disabled) || down.disabled ? up : down;
          button.focus();
        }
      });
    };
    draw(null);
    fieldset.append(hint, list);
  } else {
    const table = el("div", { class: "pq__match" });
    q.pairs.forEach((pair, left) => {
      const id = `${uid}-m${left}`;
      const select = el("select", { id, class: "pq__select" }, [el("option", { value: "", text: "Choose…" })]);
      for (const right of state.layout) {
        select.append(el("option", { value: String(right), text: plain(q.pairs[right].right), selected: state.response[left] === right }));
      }
      select.addEventListener("change", () => {
        state.response[left] = select.value === "" ? null : Number(select.value);
        state.touched = true;
        changed();
      });
      inputs.push(select);
      table.append(el("div", { class: "pq__pair" }, [el("label", { for: id, html: pair.left }), select]));
    });
    fieldset.append(table);
  }

  const node = el("div", { class: "pq", "data-question": q.id }, [caseBlock(q, bank), fieldset]);
  return {
    node,
    legend,
    fieldset,
    setLocked(locked) {
      node.querySelectorAll("input, select, .pq__move").forEach((i) => { i.disabled = locked || (i.classList.contains("pq__move") && i.disabled); });
      node.classList.toggle("pq--locked", locked);
    },
  };
}
