/* @-mention completion in comment boxes: typing @ and a few letters lists matching teammates (fetched once from
   /team/usernames.json); ↑/↓ choose, Enter or Tab inserts, Esc closes. A combobox for screen readers: the textarea
   points at the listbox and its active option. No inline scripts (CSP). */
(function () {
  "use strict";

  const SOURCE = "/team/usernames.json";
  const WORD = /(^|[^\w@])@([\w.+-]*)$/;
  let names = null;
  let pending = null;
  let open = null; // {area, list, items, active, start}

  function load() {
    if (names) return Promise.resolve(names);
    pending = pending || fetch(SOURCE, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : []))
      .then((list) => { names = list; return list; })
      .catch(() => { pending = null; return []; });
    return pending;
  }

  function close() {
    if (!open) return;
    open.list.remove();
    open.area.removeAttribute("aria-activedescendant");
    open.area.setAttribute("aria-expanded", "false");
    open = null;
  }

  function select(index) {
    open.active = (index + open.items.length) % open.items.length;
    open.items.forEach((item, i) => item.setAttribute("aria-selected", i === open.active ? "true" : "false"));
    open.area.setAttribute("aria-activedescendant", open.items[open.active].id);
  }

  function insert(name) {
    const area = open.area;
    const before = area.value.slice(0, open.start) + "@" + name + " ";
    area.value = before + area.value.slice(area.selectionStart);
    area.setSelectionRange(before.length, before.length);
    close();
    area.focus();
  }

  function show(area, start, matches) {
    close();
    if (!matches.length) return;
    const list = document.createElement("ul");
    list.className = "mention-list";
    list.id = area.id + "-mentions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Teammates to mention");
    const items = matches.slice(0, 8).map((name, i) => {
      const item = document.createElement("li");
      item.id = list.id + "-" + i;
      item.setAttribute("role", "option");
      item.textContent = "@" + name;
      item.dataset.name = name;
      list.appendChild(item);
      return item;
    });
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("aria-controls", list.id);
    area.setAttribute("aria-expanded", "true");
    open = { area, list, items, active: 0, start };
    select(0);
  }

  function update(area) {
    const typed = WORD.exec(area.value.slice(0, area.selectionStart));
    if (!typed) { close(); return; }
    const prefix = typed[2].toLowerCase();
    const start = area.selectionStart - typed[2].length - 1;
    load().then((list) => {
      if (document.activeElement !== area) return;
      show(area, start, list.filter((name) => name.toLowerCase().startsWith(prefix)));
    });
  }

  document.addEventListener("input", (event) => {
    const area = event.target.closest ? event.target.closest(".comment-form textarea") : null;
    if (area) {
      area.setAttribute("aria-autocomplete", "list");
      update(area);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (!open || event.target !== open.area) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      select(open.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
      event.preventDefault();
      insert(open.items[open.active].dataset.name);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }, true);

  document.addEventListener("mousedown", (event) => {
    const item = event.target.closest ? event.target.closest(".mention-list [role=option]") : null;
    if (item && open) {
      event.preventDefault();
      insert(item.dataset.name);
    } else if (open && event.target !== open.area) {
      close();
    }
  });
  document.addEventListener("focusout", (event) => {
    if (open && event.target === open.area) setTimeout(() => { if (open && document.activeElement !== open.area) close(); }, 0);
  });
})();
