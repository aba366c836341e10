/* Claim desk, what every page shares: toasts (and the toasts for failed requests), the menu button of narrow screens,
   tables that scroll in their own box. Loaded first; the other scripts toast through window.ClaimDesk.toast. No inline
   scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  /* ---------- toasts ---------- */
  function toast(message, level) {
    const box = $("#toasts");
    if (!box) return;
    const item = document.createElement("div");
    item.className = "toast toast-" + (level || "info");
    item.setAttribute("role", level === "error" ? "alert" : "status");
    const text = document.createElement("span");
    text.textContent = message;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    item.append(text, close);
    box.append(item);
    expireToasts();
    return item;
  }

  window.ClaimDesk = Object.assign(window.ClaimDesk || {}, { toast });

  function expireToasts() {
    $$(".toast:not([data-timer])").forEach((item) => {
      item.dataset.timer = "1";
      setTimeout(() => item.remove(), item.classList.contains("toast-error") ? 9000 : 4000);
    });
  }

  document.addEventListener("click", (event) => {
    const close = event.target.closest(".toast-close");
    if (close) close.closest(".toast").remove();
  });

  /* ---------- tables wider than the screen scroll in their own box, which the keyboard can reach ---------- */
  function scrollableTables() {
    $$(".table").forEach((table) => {
      if (table.scrollWidth > table.clientWidth + 1) table.tabIndex = 0;
      else if (table.tabIndex === 0) table.removeAttribute("tabindex");
    });
  }
  document.addEventListener("DOMContentLoaded", scrollableTables);
  window.addEventListener("resize", scrollableTables);

  /* ---------- the menu button of narrow screens ---------- */
  function setMenu(open) {
    const button = $(".nav-toggle");
    if (!button) return;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.closest(".topbar").classList.toggle("nav-open", open);
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest('[data-action="toggle-nav"]')) {
      setMenu($(".nav-toggle").getAttribute("aria-expanded") !== "true");
    } else if ($(".topbar.nav-open") && !event.target.closest("#main-menu")) {
      setMenu(false);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !$(".topbar.nav-open")) return;
    setMenu(false);
    $(".nav-toggle").focus();
  });

  document.addEventListener("htmx:responseError", (event) => {
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    const messages = { 401: "Your session ended; please log in again.", 403: "You are not allowed to do that.",
      404: "That item no longer exists; reload the page.", 400: "The request was refused; reload the page and try again." };
    toast(messages[status] || "The server could not complete that (error " + status + "). Nothing was saved.", "error");
  });
  document.addEventListener("htmx:sendError", () => toast("The server cannot be reached. Nothing was saved.", "error"));

  /* Toasts the server sent (flashed, or out of band in a swap) expire like the ones made here. */
  document.addEventListener("htmx:afterSettle", expireToasts);
  document.addEventListener("DOMContentLoaded", expireToasts);
})();
