/* The hub's search box (partials/hub-search.html) over Pagefind's JavaScript API.
   Pagefind's bundle (site/pagefind/) is loaded from the site itself when the reader first
   focuses the box; it reads <html lang> and searches that language's index only.
   Keyboard: "/" focuses the box, arrows move between box and results, Escape closes. */
(function () {
  "use strict";
  var root = document.querySelector("[data-hub-search]");
  if (!root) return;
  var form = root.querySelector(".hub-search__form");
  var input = root.querySelector(".hub-search__input");
  var opener = root.querySelector(".hub-search__open");
  var panel = root.querySelector(".hub-search__results");
  var status = root.querySelector(".hub-search__status");
  var list = root.querySelector(".hub-search__list");
  var MAX_RESULTS = 10;
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(root.dataset.bundle + "pagefind.js").then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () {
          module.init();
          return module;
        });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function showPanel(show) {
    panel.hidden = !show;
    root.classList.toggle("hub-search--results", show);
  }

  function setOpen(open) {
    root.classList.toggle("hub-search--open", open);
    opener.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function close(focusBack) {
    showPanel(false);
    setOpen(false);
    if (focusBack) {
      // On narrow screens the box hides again: give focus back to the button that opened it.
      (getComputedStyle(opener).display !== "none" ? opener : input).focus();
    }
  }

  /* Pagefind's excerpt is HTML with <mark> around the words found. It is parsed inertly
     and rebuilt from text and <mark> only: nothing from the index becomes markup. */
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = [];
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function render(results, total) {
    var items = results.map(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "hub-search__link";
      link.href = result.url;
      var title = document.createElement("span");
      title.className = "hub-search__title";
      // Pagefind keeps titles as plain text (excerpts as escaped HTML).
      title.textContent = (result.meta && result.meta.title) || result.url;
      var excerpt = document.createElement("span");
      excerpt.className = "hub-search__excerpt";
      excerpt.append.apply(excerpt, excerptNodes(result.excerpt || ""));
      link.append(title, excerpt);
      item.append(link);
      return item;
    });
    list.replaceChildren.apply(list, items);
    if (total === 0) status.textContent = root.dataset.none;
    else if (total === 1) status.textContent = root.dataset.one;
    else status.textContent = root.dataset.other.replace("#", String(total));
    panel.setAttribute("aria-busy", "false");
    showPanel(true);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    // Busy until the results of the latest query are shown.
    panel.setAttribute("aria-busy", query ? "true" : "false");
    if (!query) {
      list.replaceChildren();
      showPanel(false);
      return;
    }
    if (!list.childElementCount) {
      status.textContent = root.dataset.loading;
      showPanel(true);
    }
    load()
      .then(function (module) { return module.debouncedSearch(query, {}, 120); })
      .then(function (found) {
        // null: a newer query replaced this one while it waited.
        if (found === null || ticket !== latest) return null;
        return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
          .then(function (data) { if (ticket === latest) render(data, found.results.length); });
      })
      .catch(function () {
        if (ticket !== latest) return;
        status.textContent = root.dataset.none;
        panel.setAttribute("aria-busy", "false");
        showPanel(true);
      });
  }

  function move(from, step) {
    var targets = [input].concat(links());
    var index = targets.indexOf(from);
    var next = targets[Math.max(0, Math.min(targets.length - 1, index + step))];
    if (next) next.focus();
  }

  opener.addEventListener("click", function () {
    var open = !root.classList.contains("hub-search--open");
    setOpen(open);
    if (open) input.focus();
    else showPanel(false);
  });
  input.addEventListener("focus", function () {
    load();
    if (input.value.trim() && list.childElementCount) showPanel(true);
  });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden) return;
      event.preventDefault();
      move(document.activeElement, event.key === "ArrowDown" ? 1 : -1);
    }
  });
  // Leaving the box (Tab past the last result, a click elsewhere) folds the results away.
  root.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !root.contains(event.relatedTarget)) {
      showPanel(false);
      if (!input.value.trim()) setOpen(false);
    }
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    event.preventDefault();
    setOpen(true);
    input.focus();
  });
})();
