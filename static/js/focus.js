/* Focus that follows the work on the article page: a claim that opens takes focus into its panel's first field; a
   save keeps focus where it was in the form and says how it went; a swap that removes the focused element puts focus
   back where the reader was (the panel, or the current sentence), never on <body>; F6 (or p on a sentence) moves
   between the text and the panel. Works with app.js, which owns the current sentence. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const FIELDS = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";
  const CONTROLS = FIELDS + ", button:not([disabled]), summary, a[href]";

  const openPanel = () => $("#panel.is-open");
  const current = () => window.ClaimDesk.currentSentence();

  /* Where focus last was: the zone, and enough to find the same control in a re-rendered panel. */
  let last = { zone: "column", claim: null, section: "", id: "", name: "", submit: false };
  let knownPanel = null;

  function describe(element) {
    const panel = element.closest("#panel");
    return {
      zone: panel ? "panel" : element.closest("#sentences") ? "column" : "other",
      claim: panel ? panel.dataset.claimId || null : null,
      section: panel && element.closest("section[id]") ? element.closest("section[id]").id : "",
      id: element.id || "",
      name: element.getAttribute("name") || "",
      submit: element.matches("button[type=submit], [type=submit]"),
    };
  }

  document.addEventListener("focusin", (event) => { last = describe(event.target); });

  /* Shown: laid out, and not inside a closed <details> (whose content keeps its boxes in Chromium). */
  function visible(element) {
    const closed = element.closest("details:not([open])");
    if (closed && !(closed.querySelector(":scope > summary") || closed).contains(element)) return false;
    return element.getClientRects().length > 0;
  }
  const touch = () => window.matchMedia("(pointer: coarse)").matches;

  /* The panel's first field (attribution source, or a suggestion's span), else its first control, else the panel.
     On a touch screen the sheet itself: a focused field would raise the on-screen keyboard over the sheet. */
  function firstField(panel) {
    if (touch()) return $("h2", panel) || panel;
    const field = $$(FIELDS, panel).find(visible) || $$(CONTROLS, panel).find((e) => visible(e) && !e.matches(".panel-close"));
    return field || panel;
  }

  function focus(element) {
    if (!element) return;
    if (!element.matches(CONTROLS) && element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.tabIndex = -1;
    element.focus({ preventScroll: !element.closest("#panel") });
  }

  /* The same control in a re-rendered panel: by id, then by name, then its submit button. */
  function sameControl(panel) {
    const byId = last.id && document.getElementById(last.id);
    if (byId && panel.contains(byId) && visible(byId)) return byId;
    const byName = last.name && $$(`[name="${CSS.escape(last.name)}"]`, panel).find(visible);
    if (byName) return byName.type === "radio" ? $$(`[name="${CSS.escape(last.name)}"]:checked`, panel)[0] || byName : byName;
    return $(".claim-form [type=submit]", panel);
  }

  /* Said aloud by a screen reader (a polite live region outside the panel, which is replaced on every save). */
  function announce(message) {
    const region = $("#announcer");
    if (!region) return;
    region.textContent = "";
    if (message) setTimeout(() => { region.textContent = message; }, 50);
  }

  function outcome(panel) {
    const error = $(".field .error, .status-field .error", panel);
    if (error) return { message: "Not saved: " + error.textContent.trim(), field: $("[aria-invalid=true]", panel) };
    const alert = $(".notice-warning[role=alert]", panel);
    if (alert) return { message: "", field: null }; // role=alert speaks for itself
    const notice = $(".notice-success", panel);
    return { message: notice ? notice.textContent.trim() : "", field: null };
  }

  function lost() {
    const active = document.activeElement;
    return !active || active === document.body || !active.isConnected;
  }

  /* Typing while a save is on its way is not lost: what changed in a field since the form was sent is carried over
     into the panel that answers (same claim only), with the caret where it was. */
  const TEXT = "input[name]:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea[name], select[name]";
  let sent = null;
  let carried = null;

  function values(form) {
    return Object.fromEntries($$(TEXT, form).map((field) => [field.name, field.value]));
  }

  document.addEventListener("htmx:beforeRequest", (event) => {
    const form = event.detail.elt;
    const panel = form && form.closest && form.closest("#panel");
    if (panel && form.matches("form.claim-form")) sent = { claim: panel.dataset.claimId, values: values(form) };
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const panel = $("#panel");
    const form = panel && $("form.claim-form", panel);
    if (!sent || !form || event.detail.target !== panel || panel.dataset.claimId !== sent.claim) return;
    const now = values(form);
    const typed = Object.keys(now).filter((name) => now[name] !== sent.values[name]);
    const active = document.activeElement;
    carried = { claim: sent.claim, values: Object.fromEntries(typed.map((name) => [name, now[name]])),
      caret: active && form.contains(active) && "selectionStart" in active && active.type !== "select-one"
        ? [active.name, active.selectionStart, active.selectionEnd] : null };
    sent = null;
  });

  function carryOver(panel) {
    const typing = carried;
    carried = null;
    if (!typing || typing.claim !== panel.dataset.claimId) return null;
    const form = $("form.claim-form", panel);
    Object.entries(typing.values).forEach(([name, value]) => {
      const field = form && form.elements[name];
      if (field && !field.disabled) field.value = value;
    });
    if (!typing.caret || !form || !form.elements[typing.caret[0]]) return null;
    const field = form.elements[typing.caret[0]];
    return () => { try { field.setSelectionRange(typing.caret[1], typing.caret[2]); } catch (e) { /* not a text field */ } };
  }

  /* After any swap: a new claim in the panel takes focus; a panel re-rendered under focus gives it back. */
  function settle() {
    const panel = openPanel();
    const fresh = panel && panel !== knownPanel;
    knownPanel = panel;
    if (fresh && last.zone === "panel" && last.claim === panel.dataset.claimId) {
      const result = outcome(panel);
      const caret = carryOver(panel);
      announce(result.message);
      if (lost()) focus(result.field || sameControl(panel));
      if (caret && !result.field) caret();
    } else if (fresh && (last.zone !== "other" || lost())) {
      carried = null;
      announce("");
      focus(firstField(panel));
    } else if (lost() && last.zone === "panel" && panel) {
      focus(sectionControl(panel) || firstField(panel));
    } else if (lost() && (last.zone === "panel" || last.zone === "column")) {
      focus(current());
    }
  }

  /* A part of the panel re-rendered on its own (evidence added or refused): its invalid field, the same control, or
     its disclosure to add another. */
  function sectionControl(panel) {
    const section = last.section && document.getElementById(last.section);
    if (!section || !panel.contains(section)) return null;
    const invalid = $("[aria-invalid=true]", section);
    if (invalid) {
      announce("Not added: " + ($(".error", section) || invalid).textContent.trim());
      return invalid;
    }
    const heading = $("h3", section);
    if (heading) announce(heading.textContent.replace(/\s+/g, " ").trim());
    const same = last.id && document.getElementById(last.id);
    if (same && section.contains(same) && visible(same)) return same;
    return $$("summary", section).find(visible) || $$(CONTROLS, section).find(visible) || null;
  }

  let pending = false;
  function settleSoon() {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; if ($(".reader")) settle(); }, 0);
  }
  /* At once after a swap (keys typed before the settle must not land on <body>), and once more when all is settled.
     A panel that takes focus at once is made live at once too: htmx binds new content only at the settle, and an
     Enter in a form it has not bound yet would submit it natively (a GET of the page, the fields in the URL). */
  const settleNow = () => {
    const panel = openPanel();
    if (panel && window.htmx) window.htmx.process(panel);
    if ($(".reader")) settle();
  };
  document.addEventListener("htmx:afterSwap", settleNow);
  document.addEventListener("htmx:oobAfterSwap", settleNow);
  document.addEventListener("htmx:afterSettle", settleSoon);
  document.addEventListener("sentence-tools-moved", settleSoon);

  /* A selection made in the text (by script, or a touch selection) brings focus to its sentence, so m acts on it. */
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode) return;
    const node = selection.anchorNode;
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const sentence = element && element.closest("#sentences .sentence");
    const active = document.activeElement;
    if (sentence && !(active && active.closest("#sentences"))) focus(sentence);
  });

  /* F6 anywhere, or p on a sentence: from the text to the open panel and back. */
  function togglePanelFocus() {
    const panel = openPanel();
    const active = document.activeElement;
    if (panel && !(active && active.closest("#panel"))) {
      const again = last.zone === "panel" && last.claim === panel.dataset.claimId ? sameControl(panel) : null;
      focus(again && !again.matches("[type=submit]") ? again : firstField(panel));
    } else if (current()) {
      focus(current());
    } else {
      window.ClaimDesk.toast("No claim is open: press Enter on a sentence with a claim, or c to mark one.", "info");
    }
  }

  document.addEventListener("keydown", (event) => {
    if (!$(".reader") || event.target.closest("dialog")) return;
    const f6 = event.key === "F6" && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (f6 || (event.key === "p" && window.ClaimDesk.shortcutTarget(event))) {
      event.preventDefault();
      togglePanelFocus();
    }
  });

  window.ClaimDesk = Object.assign(window.ClaimDesk || {}, { announce });

  /* The page opens with focus on the current sentence, so the keys work from the first press. */
  document.addEventListener("DOMContentLoaded", () => {
    if (!$(".reader")) return;
    knownPanel = openPanel();
    setTimeout(() => { if (lost() || document.activeElement === document.body) focus(current()); }, 0);
  });
})();
