/* Claim desk, the article page: the current sentence, text selection and the keyboard shortcuts. No inline scripts
   (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  /* One toast implementation for the whole page: page.js's (loaded first). */
  const toast = (message, level) => window.ClaimDesk.toast(message, level);

  /* ---------- the reader ---------- */
  const reader = () => $(".reader");
  const column = () => window.ClaimDesk.column;
  const rows = () => $$(".sentence");
  const idOf = (row) => row.id.slice(2);
  let currentId = null;

  function currentSentence() {
    return currentId ? document.getElementById(currentId) : null;
  }

  /* scroll: bring the sentence into view ("nearest" for a step, "center" for a jump) and focus it. */
  /* The current sentence is the column's one Tab stop (a roving tabindex): Tab from the page's header reaches it. */
  function setCurrent(element, scroll) {
    if (!element) return;
    $$(".sentence.is-current").forEach((s) => s.classList.remove("is-current"));
    $$('.sentence[tabindex="0"]').forEach((s) => { s.tabIndex = -1; });
    element.classList.add("is-current");
    element.tabIndex = 0;
    currentId = element.id;
    column().follow(element, !scroll);
    if (scroll) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: scroll === "center" ? "center" : "nearest", behavior: "auto" });
    }
  }

  /* j and k reach every sentence: at either end of what is loaded, the next window comes first. */
  async function move(step) {
    const start = currentSentence();
    if (!start) return setCurrent(rows()[0], true);
    await column().reach(start, step);
    const all = rows();
    const at = all.indexOf(currentSentence() || start);
    setCurrent(all[Math.min(all.length - 1, Math.max(0, at + step))], true);
  }

  const UNCHECKED = ".sentence:not(.is-checked):not(.kind-heading):not(.kind-caption):not(.kind-boilerplate)";

  /* u: the next body sentence that holds no claim and is not checked 'no claim', loaded or not. */
  async function nextUnchecked() {
    const all = rows();
    const at = all.indexOf(currentSentence());
    const found = all.slice(at + 1).find((row) => row.matches(UNCHECKED));
    if (found) return setCurrent(found, true);
    if (!$(".more-after")) return toast("Every sentence after this one is checked.", "info");
    const target = await column().jump({ unchecked_after: all[all.length - 1].dataset.index });
    if (target) setCurrent(target, "center");
    else toast("Every sentence after this one is checked.", "info");
  }

  /* #s-ID (a link to a sentence), loaded or not. */
  async function openHash() {
    const match = /^#s-(\d+)$/.exec(location.hash);
    if (!match) return;
    const loaded = document.getElementById("s-" + match[1]);
    const target = loaded || await column().jump({ sentence: match[1] });
    if (target) setCurrent(target, "center");
  }

  /* The UTF-16 offset of a (node, offset) point from the start of a sentence's text. */
  function offsetIn(textElement, node, offset) {
    const range = document.createRange();
    range.setStart(textElement, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  /* The sentence text element holding a DOM point, if any. */
  function textElementOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest(".stext") : null;
  }

  /* The sentence text a range covers, leaving out what is not text: numbers, the toolbar, placeholders. */
  function textIn(range) {
    const copy = range.cloneContents();
    copy.querySelectorAll(".snum, .stools, .more").forEach((element) => element.remove());
    return copy.textContent.trim();
  }

  /* A range cut down to one sentence's text. A triple-click, or a drag that overshoots, ends in the sentence's
     toolbar or at the very start of the next sentence: keep the text part. Real text of two sentences: null. */
  function clampToText(range) {
    const startText = textElementOf(range.startContainer);
    const endText = textElementOf(range.endContainer);
    if (startText && startText === endText) return range;
    const textElement = startText || endText;
    if (!textElement) return null;
    const sentence = textElement.closest(".sentence");
    const clamped = range.cloneRange();
    const spill = document.createRange();
    let outside;
    if (startText) {
      spill.setStart(textElement, textElement.childNodes.length);
      spill.setEnd(range.endContainer, range.endOffset);
      clamped.setEnd(textElement, textElement.childNodes.length);
      outside = range.endContainer;
    } else {
      spill.setStart(range.startContainer, range.startOffset);
      spill.setEnd(textElement, 0);
      clamped.setStart(textElement, 0);
      outside = range.startContainer;
    }
    return sentence.contains(outside) || !textIn(spill) ? clamped : null;
  }

  /* The selection as {sentence, start16, end16, quote}, if it lies within one sentence's text. */
  function selectionInSentence() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = clampToText(selection.getRangeAt(0));
    if (!range) return null;
    const textElement = textElementOf(range.startContainer);
    return {
      sentence: textElement.closest(".sentence"),
      start16: offsetIn(textElement, range.startContainer, range.startOffset),
      end16: offsetIn(textElement, range.endContainer, range.endOffset),
      quote: range.toString(),
      collapsed: range.collapsed,
    };
  }

  function submitMark(sentence, fields) {
    const form = $("#mark-form");
    if (!form || !sentence) return;
    form.elements.sentence_id.value = idOf(sentence);
    form.elements.start16.value = fields.start16 == null ? "" : fields.start16;
    form.elements.end16.value = fields.end16 == null ? "" : fields.end16;
    form.elements.quote.value = fields.quote || "";
    form.elements.whole.value = fields.whole ? "y" : "";
    setCurrent(sentence, false);
    htmx.trigger(form, "submit");
  }

  function markSelection() {
    const picked = selectionInSentence();
    if (!picked || picked.collapsed || !picked.quote.trim()) {
      toast("Select some words inside one sentence first.", "error");
      return;
    }
    submitMark(picked.sentence, picked);
    window.getSelection().removeAllRanges();
    hideToolbar();
  }

  function markSentence(sentence) {
    submitMark(sentence || currentSentence(), { whole: true });
  }

  function submitSplit(sentence, offset16) {
    const form = $("#split-form");
    form.setAttribute("hx-post", reader().dataset.splitUrl.replace("{id}", idOf(sentence)));
    htmx.process(form);
    form.elements.offset16.value = offset16;
    setCurrent(sentence, false);
    htmx.trigger(form, "submit");
  }

  /* s: show where the sentence would split (split.js); the toolbar's "Split before" splits at once, the selection
     having shown the point. */
  function splitHere(now) {
    const picked = selectionInSentence();
    if (!picked) {
      toast("Click inside a sentence where it should be split, then press s.", "error");
      return;
    }
    window.getSelection().removeAllRanges();
    hideToolbar();
    setCurrent(picked.sentence, false);
    if (now === true) submitSplit(picked.sentence, picked.start16);
    else window.ClaimDesk.split.preview(picked.sentence, picked.start16);
  }

  /* Press a button of the current sentence's toolbar (fetched first if the reader just moved there). */
  async function clickAction(action) {
    const sentence = currentSentence();
    if (!sentence) return;
    const bar = await column().tools(sentence);
    const button = bar && $('[data-action="' + action + '"]', bar);
    if (button && !button.disabled) button.click();
    else if (button && button.disabled) toast("This sentence holds claims, so it is already checked.", "info");
  }

  async function openFirstClaim() {
    const sentence = currentSentence();
    if (!sentence) return;
    const bar = await column().tools(sentence);
    const chip = bar && $(".claim-chips .chip", bar);
    if (chip) chip.click();
    else toast("No claim in this sentence yet: select words and press m, or press c.", "info");
  }

  function closePanel() {
    const panel = $("#panel");
    const template = $("#empty-panel-template");
    if (!panel || !template) return;
    document.dispatchEvent(new CustomEvent("panel-closing", { detail: { panel } }));
    panel.replaceWith(template.content.cloneNode(true));
    const current = currentSentence();
    if (current) {
      current.tabIndex = -1;
      current.focus({ preventScroll: true });
    }
  }

  /* ---------- the floating selection toolbar ---------- */
  function hideToolbar() {
    const bar = $("#selection-toolbar");
    if (bar) bar.hidden = true;
  }

  function showToolbar() {
    const bar = $("#selection-toolbar");
    if (!bar) return;
    const picked = selectionInSentence();
    if (!picked) return hideToolbar();
    const range = window.getSelection().getRangeAt(0);
    const rect = range.getBoundingClientRect();
    if (picked.collapsed || !picked.quote.trim()) return hideToolbar();
    bar.hidden = false;
    /* Above the selection, clear of the top bar; below it when there is no room, and always on a touch screen (the
       phone's own copy menu sits above a selection). Never over the selected words. */
    const topbar = $(".topbar");
    const clear = (topbar ? topbar.getBoundingClientRect().bottom : 0) + 4;
    const above = rect.top - bar.offsetHeight - 8;
    const touch = window.matchMedia("(pointer: coarse)").matches;
    const top = touch || above < clear ? rect.bottom + 8 : above;
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + window.innerWidth - bar.offsetWidth - 8));
    bar.style.top = window.scrollY + top + "px";
    bar.style.left = left + "px";
    setCurrent(picked.sentence, false);
  }

  /* The sentence toolbar moved (it follows the current sentence): the selection may have moved with the text. */
  document.addEventListener("sentence-tools-moved", () => {
    const bar = $("#selection-toolbar");
    if (bar && !bar.hidden) showToolbar();
  });

  document.addEventListener("mouseup", (event) => {
    if (event.target.closest("#selection-toolbar")) return;
    setTimeout(showToolbar, 0);
  });
  document.addEventListener("keyup", (event) => {
    if (event.shiftKey && event.key.startsWith("Arrow")) showToolbar();
  });
  /* Touch screens select with long-press and handles, which fire no mouseup: follow the selection itself. */
  let pointerHeld = false;
  let selectionTimer = null;
  document.addEventListener("pointerdown", (event) => {
    pointerHeld = event.pointerType === "mouse";
    /* A sentence takes focus when pressed (tabindex before the browser's default focus step), so keys act on it. */
    const sentence = event.target.closest && event.target.closest(".sentence");
    if (sentence && !sentence.hasAttribute("tabindex")) sentence.tabIndex = -1;
  });
  document.addEventListener("pointerup", () => { pointerHeld = false; });
  document.addEventListener("selectionchange", () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => { if (!pointerHeld) showToolbar(); }, 120);
  });

  document.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]");
    if (action) {
      const bar = action.closest("#sentence-tools");
      switch (action.dataset.action) {
        case "mark-selection": return markSelection();
        case "split-here": return splitHere(true);
        case "mark-sentence": return markSentence(bar && document.getElementById("s-" + bar.dataset.sentenceId));
        case "close-panel": return closePanel();
        case "shortcuts": return $("#shortcuts").showModal();
      }
    }
    const sentence = event.target.closest(".sentence");
    if (sentence) setCurrent(sentence, false);
    const mark = event.target.closest("mark.claim");
    if (mark && window.getSelection().isCollapsed) {
      const url = reader().dataset.claimUrl.replace("{id}", mark.dataset.claim);
      htmx.ajax("GET", url, { target: "#panel", swap: "outerHTML", source: mark });
    }
  });

  /* ---------- keyboard ---------- */
  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable], dialog[open]") !== null;
  }

  /* Single-letter shortcuts act only with focus on a sentence or the article column: never on <body> (where focus
     lands when a swap removes the focused element), in a field, the panel or a dialog. Enter and Space on a control
     (a toolbar button, a link, a <summary>) keep their own meaning. */
  function shortcutTarget(event) {
    const target = event.target;
    if (!target || !target.closest || !reader()) return false;
    if (event.ctrlKey || event.metaKey || event.altKey || typing(target)) return false;
    if (!target.closest("#sentences")) return false;
    return !((event.key === "Enter" || event.key === " ") && target.closest("button, a, summary, [role=button]"));
  }

  const keys = {
    j: () => move(1), ArrowDown: () => move(1),
    k: () => move(-1), ArrowUp: () => move(-1),
    u: nextUnchecked,
    Enter: openFirstClaim,
    m: markSelection,
    c: () => markSentence(),
    n: () => clickAction("no-claim"),
    s: () => splitHere(false),
  };

  /* Keys that mean the same wherever focus is outside a field and a dialog. */
  const anywhere = {
    Escape: closePanel,
    "?": () => $("#shortcuts") && $("#shortcuts").showModal(),
  };

  document.addEventListener("keydown", (event) => {
    if (!reader()) return;
    if (event.key === "Escape" && event.target.closest("#panel") && !event.target.closest("dialog")) return closePanel();
    const outsideFields = !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
    const handler = (shortcutTarget(event) && keys[event.key]) || (outsideFields && anywhere[event.key]);
    if (!handler) return;
    if (event.shiftKey && event.key.startsWith("Arrow")) return;
    event.preventDefault();
    column().settle();
    handler();
  });

  /* On a narrow screen the open panel is a bottom sheet: scroll the sentence it describes up above it. */
  let shownPanel = null;
  function keepSentenceAboveSheet() {
    const panel = $("#panel.is-open");
    const opened = panel && panel !== shownPanel;
    shownPanel = panel;
    const current = currentSentence();
    if (!opened || !current || getComputedStyle(panel).position !== "fixed") return;
    const bar = $(".topbar");
    const top = (bar ? bar.getBoundingClientRect().bottom : 0) + 8;
    const box = current.getBoundingClientRect();
    if (box.top < top || box.bottom > panel.getBoundingClientRect().top - 8) {
      window.scrollBy({ top: box.top - top, behavior: "instant" });
    }
  }

  /* ---------- after htmx swaps ---------- */
  /* Every request says which sentence the reader is on (a column re-rendered by the server stays there). */
  document.addEventListener("htmx:configRequest", (event) => {
    if (currentId) event.detail.headers["X-Current-Sentence"] = currentId.slice(2);
  });

  document.addEventListener("htmx:afterSettle", () => {
    const sentencesColumn = $("#sentences");
    if (sentencesColumn && sentencesColumn.dataset.focus) {
      currentId = sentencesColumn.dataset.focus;
      delete sentencesColumn.dataset.focus;
    }
    const current = currentSentence();
    if (current) setCurrent(current, false);
    if (!selectionInSentence()) hideToolbar(); // a swap that removes the selected text fires no selectionchange
    keepSentenceAboveSheet();
  });

  document.addEventListener("DOMContentLoaded", () => {
    if (!reader()) return;
    const panel = $("#panel.is-open");
    const first = panel ? document.getElementById("s-" + panel.dataset.sentenceId) : rows()[0];
    if (first) setCurrent(first, panel ? "center" : false);
    keepSentenceAboveSheet();
    openHash();
  });
  window.addEventListener("hashchange", openHash);

  window.ClaimDesk = Object.assign(window.ClaimDesk || {}, {
    currentSentence, shortcutTarget, closePanel, submitSplit, markSelection, toolsOfCurrent: () => currentSentence() && column().tools(currentSentence()),
  });
})();
