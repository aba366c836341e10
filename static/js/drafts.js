/* No lost typing: what is typed in a panel form and not saved is kept as a draft (in this tab's sessionStorage),
   and comes back, with a note and a Discard button, when the same claim or suggestion is opened again: after Esc,
   after opening another claim, after a reload. A successful save drops it. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const PREFIX = "claimdesk-draft:";
  const FIELDS = "input[name]:not([type=hidden]):not([type=submit]):not([type=button]), textarea[name], select[name]";

  const forms = (panel) => $$("form[hx-post]", panel);
  const keyOf = (form) => PREFIX + form.getAttribute("hx-post");

  function store() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null; // storage switched off: typing is simply not kept
    }
  }

  /* A field differs from what the server rendered. */
  function changed(field) {
    if (field.type === "radio" || field.type === "checkbox") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") return Array.from(field.options).some((o) => o.selected !== o.defaultSelected);
    return field.value !== field.defaultValue;
  }

  const dirty = (form) => $$(FIELDS, form).some((field) => !field.disabled && changed(field));

  function values(form) {
    const kept = {};
    $$(FIELDS, form).forEach((field) => {
      if (field.type === "radio") { if (field.checked) kept[field.name] = field.value; }
      else if (field.type === "checkbox") kept[field.name + "\u0000" + field.value] = field.checked;
      else kept[field.name] = field.value;
    });
    const version = form.elements.version;
    return { values: kept, version: version ? version.value : null };
  }

  function apply(form, draft) {
    $$(FIELDS, form).forEach((field) => {
      if (field.disabled) return;
      if (field.type === "radio") { if (field.name in draft.values) field.checked = draft.values[field.name] === field.value; }
      else if (field.type === "checkbox") {
        const key = field.name + "\u0000" + field.value;
        if (key in draft.values) field.checked = draft.values[key];
      } else if (field.name in draft.values) field.value = draft.values[field.name];
    });
  }

  /* Keep the form's draft while it differs from what was rendered; drop it once it does not. */
  function remember(form) {
    const storage = store();
    if (!storage) return;
    if (dirty(form)) storage.setItem(keyOf(form), JSON.stringify(values(form)));
    else storage.removeItem(keyOf(form));
  }

  function note(form, draft) {
    const box = document.createElement("p");
    box.className = "notice notice-draft";
    box.setAttribute("role", "status");
    const version = form.elements.version;
    const moved = draft.version && version && draft.version !== version.value;
    box.append(moved
      ? `Your unsaved changes are back. The claim was changed since (version ${draft.version} → ${version.value}): check before saving. `
      : "Your unsaved changes are back; save to keep them. ");
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "btn btn-small btn-quiet";
    discard.dataset.action = "discard-draft";
    discard.textContent = "Discard them";
    box.append(discard);
    form.prepend(box);
  }

  /* A panel that arrives: its forms take back their drafts (not over a refused, stale save: that shows its own diff). */
  function restore(panel) {
    const storage = store();
    if (!storage || $(".notice-warning[role=alert]", panel)) return;
    forms(panel).forEach((form) => {
      if ($(".notice-draft", form)) return;
      const raw = storage.getItem(keyOf(form));
      if (!raw) return remember(form); // typing carried over a save (focus.js) is a draft too
      let draft;
      try { draft = JSON.parse(raw); } catch (error) { return storage.removeItem(keyOf(form)); }
      apply(form, draft);
      if (!dirty(form)) return storage.removeItem(keyOf(form));
      const closed = form.closest("details:not([open])");
      if (closed) closed.open = true;
      note(form, draft);
    });
  }

  /* Leaving a panel with unsaved changes says where they went. */
  let leaving = null;
  function panelKey(panel) {
    return panel ? (panel.dataset.claimId || "") + "/" + (panel.dataset.suggestionId || "") : null;
  }
  function noteLeaving(panel) {
    if (panel && forms(panel).some(dirty)) leaving = panelKey(panel);
  }
  function sayWhereTypingWent(panel) {
    if (leaving && leaving !== panelKey(panel)) {
      window.ClaimDesk.toast("Your unsaved changes are kept as a draft: they come back when you open that claim again.",
        "info");
    }
    leaving = null;
  }

  document.addEventListener("input", (event) => {
    const form = event.target.closest && event.target.closest("#panel form[hx-post]");
    if (form) remember(form);
  });
  document.addEventListener("change", (event) => {
    const form = event.target.closest && event.target.closest("#panel form[hx-post]");
    if (form) remember(form);
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const form = event.detail.requestConfig && event.detail.requestConfig.elt;
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    const storage = store();
    if (storage && form && form.matches && form.matches("#panel form[hx-post]") && status >= 200 && status < 300) {
      storage.removeItem(keyOf(form)); // saved
    }
    if (event.detail.target && event.detail.target.id === "panel") noteLeaving(event.detail.target);
  });

  document.addEventListener("panel-closing", (event) => {
    noteLeaving(event.detail.panel);
    sayWhereTypingWent(null);
  });

  /* Only a panel that just arrived takes its drafts back (a poll or a part re-rendered inside it does not). */
  let restored = null;
  document.addEventListener("htmx:afterSettle", () => {
    const panel = $("#panel");
    if (!panel || panel === restored) return;
    restored = panel;
    restore(panel);
    if (leaving !== null) sayWhereTypingWent(panel);
  });

  document.addEventListener("click", (event) => {
    const discard = event.target.closest('[data-action="discard-draft"]');
    if (!discard) return;
    const form = discard.closest("form");
    const storage = store();
    if (storage) storage.removeItem(keyOf(form));
    discard.closest(".notice-draft").remove();
    form.reset();
  });

  document.addEventListener("DOMContentLoaded", () => {
    const panel = $("#panel.is-open");
    restored = panel;
    if (panel) restore(panel);
  });
})();
