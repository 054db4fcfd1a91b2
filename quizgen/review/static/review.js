// The review page: select an item to light its evidence, edit it in place, keyboard, undo and
// export. Every change is one POST to the app, which validates it, saves the quiz file and
// answers with the items column rendered again; the app escapes everything it renders, and
// this script writes text from the app only through textContent.
"use strict";

(() => {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
  const csrf = meta("csrf");
  let version = Number(meta("version"));
  const items = document.getElementById("items");
  const pane = document.querySelector(".items-pane");
  const status = document.getElementById("status");
  const title = document.getElementById("title");
  const undoButton = document.getElementById("undo");
  const redoButton = document.getElementById("redo");
  const addForm = document.getElementById("add-form");
  const exportPanel = document.getElementById("export-panel");
  const exportForm = document.getElementById("export-form");
  const exportResult = document.getElementById("export-result");
  const help = document.getElementById("help");
  const file = status.textContent.split(" · ")[0];
  let selected = null; // the selected item's id
  let editing = null; // the id of the item whose editor is open
  let stale = !document.getElementById("stale").hidden;
  let queue = Promise.resolve(); // edits go one after another, each on the version before

  const cards = () => [...items.querySelectorAll(".item")];
  const cardOf = (id) => (id ? items.querySelector(`.item[data-id="${CSS.escape(id)}"]`) : null);
  const isField = (el) => el.matches("input, textarea, select");

  // --- talking to the app ----------------------------------------------------------------

  async function post(url, body) {
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ ...body, version }),
        credentials: "same-origin",
      });
    } catch (error) {
      return { status: 0, data: { message: "the review app is not running (was it stopped?)" } };
    }
    let data;
    try {
      data = await response.json();
    } catch (error) {
      data = { message: `the app answered ${response.status}` };
    }
    return { status: response.status, data };
  }

  function say(text, bad = false) {
    status.textContent = text;
    status.classList.toggle("bad", bad);
  }

  function showStale(message) {
    stale = true;
    document.getElementById("stale-text").textContent =
      message || "This quiz was changed in another tab or outside this page.";
    document.getElementById("stale").hidden = false;
    say("Not saved: reload the page", true);
  }

  function send(body, source) {
    const run = async () => {
      if (stale) return false;
      say("Saving…");
      const { status: code, data } = await post("/api/edit", body);
      clearErrors(source);
      if (code === 200) {
        update(data);
        const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        say(`${file} · saved ${time}`);
        return true;
      }
      if (code === 409) {
        showStale(data.message);
      } else if (code === 422 && data.errors) {
        showErrors(data.errors, source);
        say(`Not saved: ${data.errors[0].message}`, true);
      } else {
        say(`Not saved: ${data.message || code}`, true);
      }
      return false;
    };
    queue = queue.then(run, run);
    return queue;
  }

  function update(data) {
    version = data.version;
    undoButton.disabled = !data.undo;
    redoButton.disabled = !data.redo;
    if (document.activeElement !== title) title.value = data.title;
    title.defaultValue = data.title;
    document.title = `Review: ${data.title}`;
    replaceItems(data.items);
  }

  // the column is rendered again whole; what the teacher is typing and where stays as it was
  function replaceItems(html) {
    const active = document.activeElement;
    let keep = null;
    if (active && items.contains(active)) {
      const card = active.closest(".item");
      keep = {
        id: card && card.dataset.id,
        name: active.getAttribute("name"),
        typed: isField(active) && active.value !== active.defaultValue ? active.value : null,
        start: active.selectionStart,
        end: active.selectionEnd,
      };
    }
    const top = pane.scrollTop;
    items.innerHTML = html;
    pane.scrollTop = top;
    if (editing && cardOf(editing) && !cardOf(editing).classList.contains("dropped")) {
      cardOf(editing).classList.add("editing");
    } else {
      editing = null;
    }
    if (selected && !cardOf(selected)) selected = null;
    if (selected) select(selected, { scroll: false, focus: false });
    if (!keep) return;
    const card = cardOf(keep.id);
    const field = card && keep.name ? card.querySelector(`[name="${CSS.escape(keep.name)}"]`) : null;
    const target = field || card;
    if (!target) return;
    target.focus({ preventScroll: true });
    if (field && keep.typed !== null && field.type !== "radio") field.value = keep.typed;
    if (field && keep.start != null && typeof field.setSelectionRange === "function") {
      try {
        field.setSelectionRange(keep.start, keep.end);
      } catch (error) {
        /* a number or select has no text selection */
      }
    }
  }

  function errorSlot(scope, name) {
    return (
      scope.querySelector(`[data-error-for="${CSS.escape(name)}"]`) ||
      scope.querySelector('[data-error-for="item"]') ||
      scope.querySelector('[data-error-for="add"]')
    );
  }

  function showErrors(errors, source) {
    const inAdd = source && addForm.contains(source);
    for (const error of errors) {
      let scope = inAdd ? addForm : cardOf(error.item) || (source && source.closest(".item"));
      if (error.field === "title") scope = document.querySelector(".bar");
      const slot = scope ? errorSlot(scope, error.field) : null;
      if (slot) {
        slot.textContent = error.message;
        slot.classList.add("shown");
      } else {
        say(`Not saved: ${error.message}`, true);
      }
      const field = scope && scope.querySelector(`[name="${CSS.escape(error.field)}"]`);
      (field || source)?.setAttribute?.("aria-invalid", "true");
    }
  }

  function clearErrors(source) {
    const scope = (source && (source.closest(".item") || source.closest(".bar"))) || document;
    for (const slot of scope.querySelectorAll(".error.shown")) {
      slot.textContent = "";
      slot.classList.remove("shown");
    }
    for (const el of scope.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute("aria-invalid");
  }

  // --- selecting and lighting the evidence -------------------------------------------------

  function light(keys, scroll) {
    for (const el of document.querySelectorAll(".ev.lit")) el.classList.remove("lit");
    let first = null;
    for (const key of (keys || "").split(" ").filter(Boolean)) {
      for (const el of document.querySelectorAll(`.ev[data-marks~="${CSS.escape(key)}"]`)) {
        el.classList.add("lit");
        first = first || el;
      }
    }
    if (first && scroll) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function select(id, { scroll = true, focus = true } = {}) {
    const card = cardOf(id);
    if (!card) return;
    for (const other of items.querySelectorAll(".item.selected")) {
      other.classList.remove("selected");
      other.removeAttribute("aria-current");
    }
    card.classList.add("selected");
    card.setAttribute("aria-current", "true");
    if (editing && editing !== id) stopEditing(false);
    selected = id;
    if (focus) card.focus({ preventScroll: true });
    if (scroll) card.scrollIntoView({ block: "nearest" });
    light(card.dataset.marks, scroll);
  }

  function step(by) {
    const all = cards();
    if (!all.length) return;
    const at = all.findIndex((c) => c.dataset.id === selected);
    const next = at < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + by));
    select(all[next].dataset.id);
  }

  function startEditing(id) {
    const card = cardOf(id);
    if (!card || card.classList.contains("dropped")) return;
    select(id, { focus: false });
    editing = id;
    card.classList.add("editing");
    const first = card.querySelector(".editor textarea, .editor input");
    if (first) first.focus();
  }

  function stopEditing(focusCard = true) {
    const card = cardOf(editing);
    editing = null;
    if (!card) return;
    card.classList.remove("editing");
    if (focusCard) card.focus({ preventScroll: true });
  }

  // --- what each control sends ---------------------------------------------------------------

  function bodyOf(el, card) {
    const body = { op: el.dataset.op, item: card ? card.dataset.id : "" };
    if (el.dataset.index !== undefined) body.index = Number(el.dataset.index);
    if (el.dataset.side !== undefined) body.side = Number(el.dataset.side);
    if (el.dataset.by !== undefined) body.by = Number(el.dataset.by);
    if (isField(el) && !(el.type === "radio" && el.dataset.index !== undefined)) body.value = el.value;
    return body;
  }

  items.addEventListener("click", (event) => {
    const card = event.target.closest(".item");
    if (!card) return;
    const button = event.target.closest("button");
    if (card.dataset.id !== selected) select(card.dataset.id, { focus: !button && !isField(event.target) });
    if (!button) return;
    if (button.dataset.action === "edit") {
      if (editing === card.dataset.id) stopEditing();
      else startEditing(card.dataset.id);
    } else if (button.dataset.op) {
      send(bodyOf(button, card), button);
    }
  });

  items.addEventListener("change", (event) => {
    const el = event.target;
    if (!el.dataset.op) return;
    if (el.dataset.op === "swap" && !el.value) return;
    send(bodyOf(el, el.closest(".item")), el);
  });

  // Enter in a one-line field saves it at once; the field keeps the focus
  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (event.key !== "Enter" || !el.matches("[data-single]") || event.shiftKey) return;
    event.preventDefault();
    if (el.value !== el.defaultValue) el.dispatchEvent(new Event("change", { bubbles: true }));
  });

  title.addEventListener("change", () => send({ op: "title", item: "", value: title.value }, title));
  title.addEventListener("keydown", (event) => {
    if (event.key === "Enter") title.blur();
  });

  document.querySelector(".passage").addEventListener("click", (event) => {
    const span = event.target.closest(".ev");
    if (!span) return;
    const keys = span.dataset.marks.split(" ");
    const card = cards().find((c) => c.dataset.marks.split(" ").some((k) => keys.includes(k)));
    if (card) select(card.dataset.id);
  });

  // --- undo, redo, keys --------------------------------------------------------------------

  const undo = () => send({ op: "undo" }, undoButton);
  const redo = () => send({ op: "redo" }, redoButton);
  undoButton.addEventListener("click", undo);
  redoButton.addEventListener("click", redo);

  function toggle(panel, button, show = panel.hidden) {
    panel.hidden = !show;
    if (button) button.setAttribute("aria-expanded", String(show));
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented) return;
    const el = event.target;
    if (event.key === "Escape") {
      if (editing) stopEditing();
      else if (!addForm.hidden) addForm.hidden = true;
      else {
        toggle(exportPanel, document.getElementById("export-open"), false);
        toggle(help, document.getElementById("help-open"), false);
      }
      event.preventDefault();
      return;
    }
    if (isField(el) || el.isContentEditable) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (mod && key.toLowerCase() === "z") {
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
      return;
    }
    if (mod && key.toLowerCase() === "y") {
      event.preventDefault();
      redo();
      return;
    }
    if (mod) return;
    if (event.altKey && (key === "ArrowUp" || key === "ArrowDown")) {
      if (selected) send({ op: "move", item: selected, by: key === "ArrowUp" ? -1 : 1 }, cardOf(selected));
    } else if (event.altKey) {
      return;
    } else if (key === "j" || key === "ArrowDown") {
      step(1);
    } else if (key === "k" || key === "ArrowUp") {
      step(-1);
    } else if (key === "d" || key === "Delete") {
      const card = cardOf(selected);
      if (card) send({ op: card.classList.contains("dropped") ? "keep" : "drop", item: selected }, card);
    } else if (key === "e" || (key === "Enter" && !el.matches("button, a, summary"))) {
      if (selected) startEditing(selected);
    } else if (key === "u") {
      undo();
    } else if (key === "U") {
      redo();
    } else if (key === "n") {
      openAdd();
    } else if (key === "?") {
      toggle(help, document.getElementById("help-open"));
    } else {
      return;
    }
    event.preventDefault();
  });

  document.getElementById("help-open").addEventListener("click", (e) => toggle(help, e.currentTarget));
  document.getElementById("reload").addEventListener("click", () => location.reload());

  // a tab brought back to the front asks whether the quiz moved on without it
  async function checkVersion() {
    if (stale || document.hidden) return;
    try {
      const response = await fetch("/api/version", { credentials: "same-origin" });
      const data = await response.json();
      if (data.version !== version || data.outside) showStale(data.outside);
    } catch (error) {
      say("The review app is not running (was it stopped?)", true);
    }
  }
  window.addEventListener("focus", checkVersion);
  document.addEventListener("visibilitychange", checkVersion);

  // --- adding an item ----------------------------------------------------------------------

  function showKindFields() {
    const kind = addForm.elements.kind.value;
    addForm.querySelector(".for-text").hidden = kind === "true_false";
    addForm.querySelector(".for-truth").hidden = kind !== "true_false";
    addForm.querySelector(".for-choice").hidden = kind !== "multiple_choice";
    addForm.querySelector(".for-written").hidden = !["short_answer", "fill_blank"].includes(kind);
  }

  function openAdd() {
    addForm.hidden = false;
    showKindFields();
    addForm.scrollIntoView({ block: "nearest" });
    addForm.elements.prompt.focus();
  }

  document.getElementById("add-open").addEventListener("click", openAdd);
  document.getElementById("add-cancel").addEventListener("click", () => {
    addForm.hidden = true;
  });
  addForm.elements.kind.addEventListener("change", showKindFields);
  addForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = addForm.elements;
    const kind = f.kind.value;
    const body = {
      op: "add",
      item: selected || "",
      kind,
      prompt: f.prompt.value,
      answer: kind === "true_false" ? addForm.querySelector('[name="truth"]:checked').value : f.answer.value,
      options: f.options.value,
      accept: f.accept.value,
      difficulty: f.difficulty.value,
    };
    if (f.skill) body.skill = f.skill.value;
    const before = new Set(cards().map((c) => c.dataset.id));
    const saved = await send(body, addForm.querySelector("button[type=submit]"));
    if (!saved) return;
    addForm.reset();
    addForm.hidden = true;
    const added = cards().find((c) => !before.has(c.dataset.id));
    if (added) select(added.dataset.id);
  });

  // --- export ------------------------------------------------------------------------------

  document.getElementById("export-open").addEventListener("click", (e) => toggle(exportPanel, e.currentTarget));

  function line(parent, tag, text, cls) {
    const el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    parent.append(el);
    return el;
  }

  exportForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(exportForm);
    const formats = data.getAll("format");
    exportResult.replaceChildren();
    if (!formats.length) {
      line(exportResult, "p", "Choose at least one format.", "error shown");
      return;
    }
    // tabs opened now, while the click still counts, are filled once the files are written
    const tabs = formats.includes("html") ? [window.open("", "_blank"), window.open("", "_blank")] : [];
    line(exportResult, "p", "Exporting…");
    await queue;
    const { status: code, data: result } = await post("/api/export", {
      formats,
      paper: data.get("paper"),
      forms: Number(data.get("forms")),
      passage: data.get("passage") === "on",
    });
    exportResult.replaceChildren();
    if (code !== 200) {
      for (const tab of tabs) if (tab) tab.close();
      if (code === 409) showStale(result.message);
      line(exportResult, "p", `Not exported: ${result.message}`, "error shown");
      return;
    }
    line(exportResult, "p", `Written to ${result.folder}:`);
    const list = line(exportResult, "ul", "", "files");
    for (const f of result.files) {
      const li = line(list, "li", "");
      const a = line(li, "a", f.name);
      a.href = f.url;
      a.target = "_blank";
      a.rel = "noopener";
    }
    if (result.warnings.length) {
      line(exportResult, "p", "Warnings:", "warn-head");
      const warnings = line(exportResult, "ul", "", "warnings");
      for (const w of result.warnings) line(warnings, "li", w);
    }
    exportResult.scrollIntoView({ block: "nearest" });
    result.open.forEach((f, n) => {
      if (tabs[n]) tabs[n].location.href = f.url;
    });
    for (const tab of tabs.slice(result.open.length)) if (tab) tab.close();
  });

  // --- start -------------------------------------------------------------------------------

  const first = cards().find((c) => !c.classList.contains("dropped"));
  if (first) select(first.dataset.id, { scroll: true, focus: true });
})();
