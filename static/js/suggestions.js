/* Suggested claims: a (accept), x (reject), e (edit) on the current sentence, h or the toggle to hide them.
   Works with app.js, which owns the current sentence, and its toolbar (#sentence-tools). No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const COOKIE = "suggestions";

  /* One toast implementation for the whole page: app.js's (loaded first, deferred in order). */
  const toast = (message) => window.ClaimDesk.toast(message, "info");

  function toggleButton() {
    return $(".sg-toggle");
  }

  function shown() {
    const button = toggleButton();
    return !button || button.getAttribute("aria-pressed") !== "false";
  }

  /* Remembered in a cookie, so the server renders the page hidden or shown from the first paint. */
  function toggle() {
    const button = toggleButton();
    if (!button) return;
    const show = !shown();
    button.setAttribute("aria-pressed", show ? "true" : "false");
    document.cookie = COOKIE + "=" + (show ? "shown" : "hidden") + "; path=/; max-age=31536000; SameSite=Lax";
    toast(show ? "Suggestions shown." : "Suggestions hidden (press h to show them).");
  }

  /* Press the first suggestion button for `action` in the current sentence's toolbar (fetched first if the reader
     just moved there); say why when there is none. */
  async function act(action) {
    if (!shown()) return toast("Suggestions are hidden; press h to show them.");
    const bar = await window.ClaimDesk.toolsOfCurrent();
    const button = bar && $('.suggestion [data-action="' + action + '"]', bar);
    if (button && !button.disabled) button.click();
    else toast("No open suggestion in this sentence. Move with j and k.");
  }

  const keys = {
    a: () => act("accept-suggestion"),
    x: () => act("reject-suggestion"),
    e: () => act("edit-suggestion"),
    h: toggle,
  };

  /* The same rule as app.js's keys: focus on a sentence or the article column, never <body>, a field or a dialog. */
  document.addEventListener("keydown", (event) => {
    const handler = keys[event.key];
    if (!handler || !window.ClaimDesk.shortcutTarget(event)) return;
    event.preventDefault();
    handler();
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest('[data-action="toggle-suggestions"]')) toggle();
  });

  /* A decision button is pressed once: a second press while the first is on its way would only earn a 409. */
  document.addEventListener("htmx:beforeRequest", (event) => {
    const button = event.detail.elt;
    if (button && button.closest && button.closest(".suggestion")) {
      button.closest(".suggestion").querySelectorAll("button").forEach((b) => { b.disabled = true; });
    }
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const item = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest(".suggestion");
    if (item && document.contains(item)) item.querySelectorAll("button").forEach((b) => { b.disabled = false; });
  });

  /* A hand-marked claim's attribution comes pre-filled as a suggestion: a suggested field's value is selected as it
     takes focus, so typing replaces it; once typed in (or the claim saved) it is the reviewer's own. */
  document.addEventListener("focusin", (event) => {
    const field = event.target;
    if (field.matches && field.matches("input[data-suggested]")) field.select();
  });
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!field.matches || !field.matches("[data-suggested]")) return;
    field.removeAttribute("data-suggested");
    const fieldset = field.closest("fieldset.is-suggested");
    if (fieldset && !fieldset.querySelector("[data-suggested]")) fieldset.classList.remove("is-suggested");
  });
})();
