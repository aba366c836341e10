/* Keyboard spans: on the current sentence, w (or Shift+→) selects its first word; Shift+→/← grows or shrinks the span
   by a word, Alt+→/← moves it; Enter or m marks it, Esc leaves it. The span is the page's own selection, so it shows
   as it grows (with the Mark claim toolbar) and marks like a mouse selection; a screen reader hears its words.
   Words are what split.js counts as words. No inline scripts (CSP). */
(function () {
  "use strict";

  const $ = (selector, root) => (root || document).querySelector(selector);
  let span = null; // {sentence, words: [[start16, end16], ...], first, last}

  /* The words of a text as [start, end) UTF-16 offsets. */
  function wordsOf(text) {
    const inWord = window.ClaimDesk.split.inWord;
    const words = [];
    let at = 0;
    while (at < text.length) {
      if (!inWord(text, at)) { at += 1; continue; }
      const start = at;
      while (at < text.length && inWord(text, at)) at += 1;
      words.push([start, at]);
    }
    return words;
  }

  function show() {
    const textElement = $(".stext", span.sentence);
    const pointAt = window.ClaimDesk.split.pointAt;
    const range = document.createRange();
    range.setStart(...pointAt(textElement, span.words[span.first][0]));
    range.setEnd(...pointAt(textElement, span.words[span.last][1]));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const count = span.last - span.first + 1;
    window.ClaimDesk.announce(`${range.toString()} (${count} word${count === 1 ? "" : "s"} selected)`);
  }

  function start(sentence) {
    const words = wordsOf($(".stext", sentence).textContent);
    if (!words.length) return window.ClaimDesk.toast("This sentence has no words to select.", "info");
    span = { sentence, words, first: 0, last: 0 };
    show();
  }

  function stop() {
    span = null;
    window.getSelection().removeAllRanges();
  }

  /* Grow or shrink (Shift) or move (Alt) the span by a word; it never leaves the sentence or goes empty. */
  function step(event) {
    const right = event.key === "ArrowRight" ? 1 : -1;
    const end = span.words.length - 1;
    if (event.altKey) {
      if (span.first + right < 0 || span.last + right > end) return;
      span.first += right;
      span.last += right;
    } else {
      span.last = Math.max(span.first, Math.min(end, span.last + right));
    }
    show();
  }

  const onSentence = (event) => event.target.matches && event.target.matches(".sentence.is-current");
  const arrow = (event) => event.key === "ArrowRight" || event.key === "ArrowLeft";

  document.addEventListener("keydown", (event) => {
    if (span && (!span.sentence.isConnected || !onSentence(event))) span = null;
    if (!span) {
      const begin = (event.key === "w" && !event.shiftKey) || (event.key === "ArrowRight" && event.shiftKey);
      if (!begin || event.ctrlKey || event.metaKey || event.altKey || !onSentence(event)) return;
      if (!window.ClaimDesk.shortcutTarget(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      return start(event.target);
    }
    if (arrow(event) && (event.shiftKey || event.altKey)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      step(event);
    } else if (event.key === "Enter" || event.key === "m") {
      event.preventDefault();
      event.stopImmediatePropagation();
      span = null;
      window.ClaimDesk.markSelection();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopImmediatePropagation();
      stop();
    } else if (!["Shift", "Alt", "Control", "Meta"].includes(event.key)) {
      span = null; // another key: the selection stays a plain selection, the key does its own work
    }
  }, true);

  /* A click or a selection by hand ends the keyboard span. */
  document.addEventListener("pointerdown", () => { span = null; });
})();
