/* Undo the last change to the text: a claim just marked, a suggestion just accepted or rejected, a sentence just
   checked "no claim", a merge, a split. Ctrl+Z (outside a field, where it undoes typing) or the toast's Undo button
   sends the change's inverse through the same pages a reviewer would use (delete the claim, reopen the suggestion,
   toggle "no claim" back, split at the old seam, merge the parts), so it is recorded like any change. Only the last
   change can be undone, and only until the next one. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const reader = () => $(".reader");
  let last = null; // {label, method: [url, target]} of the change that can be undone
  let before = null; // what a request about to change the text needs remembered
  let undoing = false;

  const claimIds = (root) => new Set($$("[data-claim], [data-claim-id]", root)
    .map((element) => element.dataset.claim || element.dataset.claimId));

  /* Before a change: what its inverse will need (the claims a sentence held, the length of the first half). */
  document.addEventListener("htmx:beforeRequest", (event) => {
    const element = event.detail.elt;
    if (!reader() || !element || !element.matches) return;
    if (undoing) { undoing = false; before = null; return; }
    if (event.detail.requestConfig && event.detail.requestConfig.verb === "get") return; // a read changes nothing
    last = null; // any other change ends the chance to undo the one before
    if (element.id === "mark-form") {
      const row = document.getElementById("s-" + element.elements.sentence_id.value);
      const tools = $("#sentence-tools");
      const known = claimIds(row);
      if (tools && tools.dataset.sentenceId === element.elements.sentence_id.value) claimIds(tools).forEach((id) => known.add(id));
      before = { kind: "mark", known };
    } else if (element.matches('[data-action="no-claim"]')) {
      before = { kind: "no-claim", url: element.getAttribute("hx-post"), on: element.getAttribute("aria-pressed") !== "true" };
    } else if (element.matches('[data-action="merge"]')) {
      const bar = element.closest("#sentence-tools");
      const row = bar && document.getElementById("s-" + bar.dataset.sentenceId);
      before = row ? { kind: "merge", id: bar.dataset.sentenceId, length: $(".stext", row).textContent.length } : null;
    } else if (element.id === "split-form") {
      before = { kind: "split", url: element.getAttribute("hx-post") };
    } else if (/\/suggestions\/\d+\/(accept|reject)$/.test(element.getAttribute("hx-post") || "")) {
      const url = element.getAttribute("hx-post");
      before = { kind: "suggestion", url: url.replace(/(accept|reject)$/, "undo"),
        label: url.endsWith("accept") ? "Suggestion accepted" : "Suggestion rejected" };
    } else {
      before = null;
    }
  });

  /* After it succeeded and its answer is in the page (the new claim's panel): the inverse, ready for Ctrl+Z and the
     toast's button. */
  let done = null;
  document.addEventListener("htmx:afterRequest", (event) => {
    const change = before;
    before = null;
    if (change && event.detail.successful && event.detail.xhr.status < 300) done = change;
  });
  document.addEventListener("htmx:afterSettle", () => {
    const change = done;
    done = null;
    if (change) window.setTimeout(() => offer(change), 0);
  });

  function offer(change) {
    const urls = reader().dataset;
    if (change.kind === "mark") {
      const panel = $("#panel.is-open");
      const id = panel && panel.dataset.claimId;
      if (!id || change.known.has(id)) return; // the span was marked already: nothing new to take back
      last = { label: "Claim marked", url: urls.deleteUrl.replace("{id}", id) };
    } else if (change.kind === "no-claim") {
      last = { label: change.on ? "Checked, no claim" : "No longer checked", url: change.url };
    } else if (change.kind === "merge") {
      last = { label: "Sentences merged", url: urls.splitUrl.replace("{id}", change.id), values: { offset16: change.length } };
    } else if (change.kind === "split") {
      last = { label: "Sentence split", url: change.url.replace(/\/split$/, "/merge") };
    } else if (change.kind === "suggestion") {
      last = { label: change.label, url: change.url };
    }
    if (!last) return;
    $$(".toast-action[data-action=undo]").forEach((button) => button.closest(".toast").remove()); // one offer at a time
    const item = window.ClaimDesk.toast(last.label + ".", "info");
    if (!item) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.dataset.action = "undo";
    button.setAttribute("aria-keyshortcuts", "Control+Z");
    button.textContent = "Undo";
    item.insertBefore(button, item.lastElementChild);
  }

  function undo() {
    if (!last) return window.ClaimDesk.toast("Nothing to undo.", "info");
    const change = last;
    last = null;
    undoing = true;
    const fromToast = document.activeElement && document.activeElement.closest(".toast");
    $$(".toast-action[data-action=undo]").forEach((button) => button.closest(".toast").remove());
    const current = window.ClaimDesk.currentSentence();
    if (fromToast && current) current.focus({ preventScroll: true }); // back to the text, not the bare page
    /* The claim's deletion answers with the empty panel; the others retarget themselves (a row, the column). */
    htmx.ajax("POST", change.url, { source: $("#tools-dock"), target: "#panel", swap: "outerHTML", values: change.values || {} })
      .then(() => window.ClaimDesk.announce("Undone: " + change.label.toLowerCase() + "."));
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest('[data-action="undo"]')) undo();
  });

  document.addEventListener("keydown", (event) => {
    if (!reader() || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== "z") return;
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable], dialog[open]")) return;
    event.preventDefault();
    undo();
  });
})();
