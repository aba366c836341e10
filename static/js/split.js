/* Split at words, shown first: s puts a mark where the sentence would be split (moved to the nearer end of a word the
   caret is inside, as the server does: annotate/text/offsets.py nearest_word_boundary); s or Enter splits there, Esc
   or any other key leaves it. app.js submits the split. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  const WORD = /[\p{L}\p{N}\p{M}\p{So}'’\-\u200d]/u;
  let pending = null; // {sentence, offset16, mark, box}

  /* Whether the UTF-16 unit at i belongs to a word: emoji halves do; a point or comma between digits does (4.5). */
  function inWord(text, i) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
    const char = text[i];
    if (char === "." || char === ",") return i > 0 && i < text.length - 1 && /\d/.test(text[i - 1]) && /\d/.test(text[i + 1]);
    return WORD.test(char);
  }

  /* A point inside a word moves to the nearer end of it (its start on a tie). */
  function nearestWordBoundary(text, at) {
    if (at <= 0 || at >= text.length || !(inWord(text, at - 1) && inWord(text, at))) return at;
    let start = at;
    let end = at;
    while (start > 0 && inWord(text, start - 1)) start -= 1;
    while (end < text.length && inWord(text, end)) end += 1;
    return at - start <= end - at ? start : end;
  }

  /* The DOM point `offset16` UTF-16 units into an element's text. */
  function pointAt(element, offset16) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let node;
    while ((node = walker.nextNode())) {
      if (offset16 <= seen + node.length) return [node, offset16 - seen];
      seen += node.length;
    }
    return [element, element.childNodes.length];
  }

  function clear() {
    if (!pending) return;
    const parent = pending.mark.parentNode;
    pending.mark.remove();
    if (parent) parent.normalize();
    pending.box.remove();
    pending = null;
  }

  function confirm() {
    const { sentence, offset16 } = pending;
    clear();
    window.ClaimDesk.submitSplit(sentence, offset16);
  }

  function confirmBox(sentence) {
    const box = document.createElement("div");
    box.className = "split-confirm";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Split sentence " + (Number(sentence.dataset.index) + 1));
    const split = document.createElement("button");
    split.type = "button";
    split.className = "btn btn-primary btn-small";
    split.dataset.action = "split-confirm";
    split.textContent = "Split here";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn btn-small";
    cancel.dataset.action = "split-cancel";
    cancel.textContent = "Cancel";
    const hint = document.createElement("span");
    hint.className = "split-hint";
    hint.textContent = "s or Enter · Esc";
    box.append(split, cancel, hint);
    return box;
  }

  /* Show where the sentence would be split; a second s (or Enter, or the button) splits there. */
  function preview(sentence, offset16) {
    clear();
    const textElement = $(".stext", sentence);
    const text = textElement.textContent;
    const at = nearestWordBoundary(text, offset16);
    const mark = document.createElement("span");
    mark.className = "split-mark";
    mark.setAttribute("aria-hidden", "true");
    const range = document.createRange();
    range.setStart(...pointAt(textElement, at));
    range.collapse(true);
    range.insertNode(mark);
    const box = confirmBox(sentence);
    document.body.append(box);
    const where = mark.getBoundingClientRect();
    box.style.top = window.scrollY + where.bottom + 6 + "px";
    box.style.left = Math.max(8, Math.min(window.scrollX + where.left - 12,
      window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8)) + "px";
    pending = { sentence, offset16: at, mark, box };
    const next = text.slice(at).trim().split(/\s+/)[0] || "";
    window.ClaimDesk.announce("Split before “" + next + "”? Press s or Enter to split, Escape to cancel.");
  }

  /* While a split is shown, s and Enter make it and Esc leaves it; any other key leaves it and does its own work. */
  document.addEventListener("keydown", (event) => {
    if (!pending) return;
    if (event.key === "s" || event.key === "Enter") {
      if (event.target.closest && event.target.closest(".split-confirm")) return; // the focused button does it
      event.preventDefault();
      event.stopImmediatePropagation();
      confirm();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopImmediatePropagation();
      clear();
    } else if (!["Shift", "Control", "Alt", "Meta", "Tab"].includes(event.key)) {
      clear();
    }
  }, true);

  document.addEventListener("click", (event) => {
    if (!pending) return;
    if (event.target.closest('[data-action="split-confirm"]')) confirm();
    else clear();
  });

  /* A swap that replaced the sentence took the mark with it. */
  document.addEventListener("htmx:afterSettle", () => { if (pending && !pending.mark.isConnected) clear(); });

  window.ClaimDesk = Object.assign(window.ClaimDesk || {}, { split: { preview, nearestWordBoundary, inWord, pointAt } });
})();
