/* The reading column: windows of sentences fetched as the reader scrolls or jumps, the one toolbar that follows the
   current sentence, and the progress bar moved by the server's "sentence-checked" events. app.js owns the current
   sentence and calls in here through window.ClaimDesk.column. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const reader = () => $(".reader");
  const column = () => $("#sentences");
  const idOf = (row) => row.id.slice(2);

  /* ---------- fragments ---------- */
  async function fragment(url) {
    const response = await fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" });
    if (response.status === 204) return null;
    if (!response.ok) throw new Error("status " + response.status);
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    return template.content;
  }

  function failed() {
    window.ClaimDesk.toast("The sentences could not be loaded; check the connection and try again.", "error");
  }

  /* ---------- windows: a placeholder at either end of the column stands for the sentences not loaded yet ---------- */
  const watcher = "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && loadMore(e.target)),
      { rootMargin: "1500px 0px" })
    : null;

  function watch(root) {
    if (!watcher) return;
    const placeholders = root.matches && root.matches(".more") ? [root] : $$(".more", root);
    placeholders.forEach((placeholder) => watcher.observe(placeholder));
  }

  /* Replace a placeholder with its window (once, however many callers ask); resolves when the rows are in. */
  function loadMore(placeholder) {
    if (!placeholder || !placeholder.isConnected) return Promise.resolve();
    if (!placeholder.loading) {
      placeholder.loading = fragment(placeholder.dataset.url).then((content) => {
        if (!placeholder.isConnected || !content) return;
        if (watcher) watcher.unobserve(placeholder);
        const added = Array.from(content.children);
        /* Rows arriving above the page must not push it down: keep the row that followed them where it was
           (the browser's scroll anchoring does it too, but not at the very top of the page). */
        const next = placeholder.classList.contains("more-before") ? placeholder.nextElementSibling : null;
        const before = next && next.getBoundingClientRect().top;
        placeholder.replaceWith(content);
        if (next) {
          const shift = next.getBoundingClientRect().top - before;
          if (shift) window.scrollBy({ top: shift, behavior: "instant" });
        }
        added.forEach((element) => { htmx.process(element); watch(element); });
      }).catch(() => { placeholder.loading = null; failed(); });
    }
    return placeholder.loading;
  }

  /* Make sure a neighbour exists `step` rows away from `row` (loading the next window when the column ends). */
  async function reach(row, step) {
    const rows = $$(".sentence", column());
    const at = rows.indexOf(row);
    if (at + step < rows.length && at + step >= 0) return;
    await loadMore($(step > 0 ? ".more-after" : ".more-before", column()));
  }

  /* Swap in a fresh column (a jump), keeping the toolbar aside; the column names its current sentence. */
  function replaceColumn(content) {
    dock();
    const fresh = content.firstElementChild;
    const focus = fresh.dataset.focus;
    delete fresh.dataset.focus; // taken here (htmx's own column swaps leave it to app.js)
    column().replaceWith(fresh);
    htmx.process(fresh);
    watch(fresh);
    return document.getElementById(focus);
  }

  /* A column around a sentence not loaded yet: {sentence: id}, {index: n} or {unchecked_after: n}. */
  async function jump(params) {
    const url = reader().dataset.jumpUrl + "?" + new URLSearchParams(params);
    try {
      const content = await fragment(url);
      return content ? replaceColumn(content) : null;
    } catch (error) {
      failed();
      return null;
    }
  }

  /* ---------- the toolbar ---------- */
  let pending = null; // {id, promise}: the toolbar on its way
  let timer = null;

  function toolbar() {
    return $("#sentence-tools");
  }

  /* Out of the column while the column is replaced (a merge, a split, a jump), so the element survives. */
  function dock() {
    const bar = toolbar();
    const dockElement = $("#tools-dock");
    if (bar && dockElement && bar.parentNode !== dockElement) dockElement.append(bar);
  }

  /* Put the toolbar under a row. When it leaves a place above that row, the page scrolls by as much, so the row
     stays where the reader's eyes (and mouse) are. */
  function place(row) {
    const bar = toolbar();
    row = document.getElementById(row.id); // the row may have been swapped since (a change to it)
    if (!bar || !row || row.nextElementSibling === bar) return;
    const before = row.getBoundingClientRect().top;
    row.after(bar);
    const shift = row.getBoundingClientRect().top - before;
    if (shift) window.scrollBy({ top: shift, behavior: "instant" });
    document.dispatchEvent(new CustomEvent("sentence-tools-moved"));
  }

  /* The toolbar for a row, fetched unless it holds that sentence already; resolves to the toolbar element. */
  function tools(row) {
    clearTimeout(timer);
    clearTimeout(moving);
    place(row);
    const bar = toolbar();
    const id = idOf(row);
    if (bar && bar.dataset.sentenceId === id && !bar.classList.contains("is-stale")) return Promise.resolve(bar);
    if (pending && pending.id === id) return pending.promise;
    const url = reader().dataset.toolsUrl.replace("{id}", id);
    const promise = fragment(url).then((content) => {
      const fresh = content && content.firstElementChild;
      const target = document.getElementById(row.id);
      const current = toolbar();
      if (!fresh || !current || !target || !target.classList.contains("is-current")) return current;
      /* The element stays (a selection ending in it survives); its attributes and content are the new ones. */
      Array.from(fresh.attributes).forEach((attribute) => current.setAttribute(attribute.name, attribute.value));
      current.classList.remove("is-stale");
      current.replaceChildren(...fresh.childNodes);
      place(target);
      htmx.process(current);
      return current;
    }).catch(() => toolbar()).finally(() => { if (pending && pending.promise === promise) pending = null; });
    pending = { id, promise };
    return promise;
  }

  /* The toolbar follows the current row: at once for keys; after a click, once the clicking is over (a double or
     triple click must not see the sentence move under it). Its content follows when the reader stops moving. */
  let moving = null;
  let pendingMove = null;
  function follow(row, afterClick) {
    const bar = toolbar();
    if (!bar || !row) return;
    if (bar.dataset.sentenceId !== idOf(row)) bar.classList.add("is-stale");
    clearTimeout(moving);
    clearTimeout(timer);
    pendingMove = () => {
      pendingMove = null;
      place(row);
      const current = toolbar();
      if (current && (current.dataset.sentenceId !== idOf(row) || current.classList.contains("is-stale"))) {
        timer = setTimeout(() => tools(row), 90);
      }
    };
    if (afterClick) moving = setTimeout(pendingMove, 350);
    else pendingMove();
  }

  /* A key pressed after a click: the toolbar takes its place now. */
  function settle() {
    clearTimeout(moving);
    if (pendingMove) pendingMove();
  }

  /* A change to a sentence answers with its toolbar, out of band: taken only for the current sentence. */
  document.addEventListener("htmx:oobBeforeSwap", (event) => {
    const target = event.detail.target;
    const incoming = event.detail.fragment && event.detail.fragment.firstElementChild;
    if (!target || target.id !== "sentence-tools" || !incoming) return;
    const current = $(".sentence.is-current");
    if (!current || incoming.dataset.sentenceId !== idOf(current)) event.detail.shouldSwap = false;
  });

  /* Before htmx replaces the whole column, the toolbar steps aside. */
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target && event.detail.target.id === "sentences") dock();
  });

  /* After the column was replaced by htmx (merge, split), the new placeholders are watched and the toolbar reloads. */
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target && event.detail.target.id === "sentences") {
      watch(column());
      const bar = toolbar();
      if (bar) bar.classList.add("is-stale");
    }
  });

  /* ---------- the progress bar ---------- */
  /* Python's round(): halves to even, so the page agrees with the server's own figure. */
  function percent(part, whole) {
    if (!whole) return 0;
    const exact = (100 * part) / whole;
    const floor = Math.floor(exact);
    const rest = exact - floor;
    if (Math.abs(rest - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
    return Math.round(exact);
  }

  document.addEventListener("sentence-checked", (event) => {
    const box = $("#progress");
    if (!box) return;
    const total = Number(box.dataset.total);
    const checked = Math.max(0, Math.min(total, Number(box.dataset.checked) + Number(event.detail.value)));
    box.dataset.checked = checked;
    const bar = $("progress", box);
    bar.value = checked;
    const strong = document.createElement("strong");
    strong.textContent = checked;
    $("#progress-label").replaceChildren(strong, ` of ${total} sentences checked · ${percent(checked, total)}%`);
  });

  document.addEventListener("DOMContentLoaded", () => { if (column()) watch(column()); });

  window.ClaimDesk = Object.assign(window.ClaimDesk || {}, {
    column: { loadMore, reach, jump, tools, follow, settle, dock },
  });
})();
