/* Review desk: replying in a thread, Ctrl+Enter to post. No inline scripts (CSP); htmx does the requests. */
(function () {
  "use strict";

  function formOf(claimId) {
    const section = document.getElementById("discussion-" + claimId);
    return section ? section.querySelector(".comment-form") : null;
  }

  function setReply(form, commentId, name) {
    form.elements.parent_id.value = commentId || "";
    const note = form.querySelector(".replying");
    if (note) {
      note.hidden = !commentId;
      note.querySelector("span").textContent = commentId ? "Replying to " + name : "";
    }
    form.querySelector("textarea").focus();
  }

  document.addEventListener("click", (event) => {
    const reply = event.target.closest("[data-reply-to]");
    if (reply) {
      const form = formOf(reply.dataset.claimId);
      if (form) setReply(form, reply.dataset.replyTo, reply.dataset.replyName);
      return;
    }
    const cancel = event.target.closest('[data-action="cancel-reply"]');
    if (cancel) setReply(cancel.closest("form"), "", "");
  });

  document.addEventListener("keydown", (event) => {
    const area = event.target.closest ? event.target.closest(".comment-form textarea") : null;
    if (area && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      htmx.trigger(area.form, "submit");
    }
  });

  /* Polling stops while a request for the same thread is in flight or the tab is hidden. */
  document.addEventListener("htmx:beforeRequest", (event) => {
    const element = event.detail.elt;
    if (element.classList && element.classList.contains("thread") && document.hidden) event.preventDefault();
  });
})();
