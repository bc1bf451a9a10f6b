// What the reader's browser remembers: answers, flashcard boxes, the exam in progress and past exams.
// One localStorage entry under a versioned key; nothing leaves the machine. Data that is damaged, or was
// written by another version, is reset with a message instead of breaking the page.

export const KEY = "mla-c01-practice/v1";
const VERSION = 1;

let notice = null; // a message for the next app that mounts (e.g. "your saved progress was reset")

function empty() {
  return { version: VERSION, answers: {}, cards: {}, exam: null, exams: [], prefs: {} };
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Throws with a reason when `data` is not progress this version wrote.
export function validate(data) {
  if (!isObject(data)) throw new Error("not an object");
  if (data.version !== VERSION) throw new Error(`version ${JSON.stringify(data.version)}, expected ${VERSION}`);
  for (const key of ["answers", "cards", "prefs"]) if (!isObject(data[key])) throw new Error(`'${key}' is not an object`);
  if (!Array.isArray(data.exams)) throw new Error("'exams' is not a list");
  if (data.exam !== null && !isObject(data.exam)) throw new Error("'exam' is not an object");
  for (const [id, a] of Object.entries(data.answers)) {
    if (!isObject(a) || typeof a.ok !== "boolean" || typeof a.at !== "number" || !Array.isArray(a.obj) || typeof a.task !== "string")
      throw new Error(`answer ${id} is malformed`);
  }
  for (const [id, c] of Object.entries(data.cards)) {
    if (!isObject(c) || typeof c.box !== "number" || typeof c.due !== "number") throw new Error(`card ${id} is malformed`);
  }
  if (data.exam) {
    const e = data.exam;
    if (!Array.isArray(e.items) || typeof e.remaining !== "number" || typeof e.current !== "number")
      throw new Error("the exam in progress is malformed");
  }
  return data;
}

export function load() {
  let raw = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch (e) {
    return empty(); // storage blocked: work for this page view only
  }
  if (!raw) return empty();
  try {
    return validate(JSON.parse(raw));
  } catch (error) {
    notice = `Your saved practice data could not be read (${error.message}), so it has been reset.`;
    save(empty());
    return empty();
  }
}

export function save(data) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(data));
    return true;
  } catch (e) {
    return false;
  }
}

export function update(change) {
  const data = load();
  change(data);
  save(data);
  return data;
}

// The message to show once, if loading had to reset the data.
export function takeNotice() {
  load();
  const message = notice;
  notice = null;
  return message;
}

export function recordAnswer(question, ok) {
  update((data) => {
    const previous = data.answers[question.id];
    data.answers[question.id] = {
      ok,
      at: Date.now(),
      n: (previous && previous.n ? previous.n : 0) + 1,
      obj: question.objectives,
      task: question.task,
    };
  });
}

export function exportText() {
  return JSON.stringify(load(), null, 1);
}

// Replace what is stored by an exported file's content; throws with a reason if it is not valid.
export function importText(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error("the file is not JSON");
  }
  validate(data);
  save(data);
  return data;
}

export function reset() {
  save(empty());
}
