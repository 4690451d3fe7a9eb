/* The hub's search box (partials/hub-search.html) over Pagefind's JavaScript API.
   Pagefind's bundle (site/pagefind/) is loaded from the site itself when the reader first
   focuses the box; it reads <html lang> and searches that language's index only.
   Keyboard: "/" focuses the box, arrows move between box and results, Escape closes.
   On a hub whose older news is indexed apart (hub.engine.search_parts: pagefind/archive.json
   lists the parts), a search covers the newest part, and a button under the results adds
   the older years to this and every later search (Pagefind's mergeIndex). */
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
  var more = root.querySelector(".hub-search__more");
  // "Search news from before 2021 too": made here, not in every page, and shown once the
  // language's archive list says there are older parts.
  var older = document.createElement("button");
  older.type = "button";
  older.className = "hub-search__older";
  older.hidden = true;
  panel.append(older);
  var archive = null;  // the promise of this language's older parts, or of null
  var withArchive = false;  // the older parts are merged into the search
  var PAGE_SIZE = 10;
  var found = [];  // every result of the latest query; the first `shown` are in the list
  var shown = 0;
  var dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
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
    var targets = Array.prototype.slice.call(list.querySelectorAll("a"));
    return targets.concat([more, older].filter(function (button) { return !button.hidden; }));
  }

  function language() {
    return (document.documentElement.lang || "").toLowerCase();
  }

  function archiveParts() {
    if (!archive) {
      archive = fetch(root.dataset.bundle + "archive.json")
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (all) { return all[language()] || null; })
        .catch(function () { return null; });
    }
    return archive;
  }

  /* The offer to search older years, under the results of a query (none found included). */
  function offerArchive(ticket) {
    if (withArchive) return;
    archiveParts().then(function (parts) {
      if (!parts || withArchive || ticket !== latest) return;
      older.textContent = parts.older;
      older.hidden = false;
    });
  }

  /* "News · 16 Apr 2025": the kind and date the build put in each page's metadata. */
  function metaLine(meta) {
    var parts = [];
    if (meta.kind) parts.push(meta.kind);
    if (/^\d{4}-\d{2}-\d{2}$/.test(meta.date || "")) {
      var day = new Date(meta.date + "T00:00:00Z");
      var time = document.createElement("time");
      time.dateTime = meta.date;
      time.textContent = dates.format(day);
      parts.push(time);
    }
    if (!parts.length) return null;
    var line = document.createElement("span");
    line.className = "hub-search__meta";
    parts.forEach(function (part, index) {
      if (index) line.append(" · ");
      line.append(part);
    });
    return line;
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

  function items(results) {
    return results.map(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "hub-search__link";
      link.href = result.url;
      var title = document.createElement("span");
      title.className = "hub-search__title";
      // Pagefind keeps titles as plain text (excerpts as escaped HTML).
      var meta = result.meta || {};
      title.textContent = meta.title || result.url;
      var excerpt = document.createElement("span");
      excerpt.className = "hub-search__excerpt";
      excerpt.append.apply(excerpt, excerptNodes(result.excerpt || ""));
      var line = metaLine(meta);
      if (line) link.append(title, line, excerpt);
      else link.append(title, excerpt);
      item.append(link);
      return item;
    });
  }

  function render(results, total) {
    list.replaceChildren.apply(list, items(results));
    shown = results.length;
    more.hidden = shown >= total;
    if (total === 0) status.textContent = root.dataset.none;
    else if (total === 1) status.textContent = root.dataset.one;
    else status.textContent = root.dataset.other.replace("#", String(total));
    panel.setAttribute("aria-busy", "false");
    showPanel(true);
    offerArchive(latest);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    // Busy until the results of the latest query are shown.
    panel.setAttribute("aria-busy", query ? "true" : "false");
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      older.hidden = true;
      showPanel(false);
      return;
    }
    if (!list.childElementCount) {
      status.textContent = root.dataset.loading;
      showPanel(true);
    }
    load()
      .then(function (module) { return module.debouncedSearch(query, {}, 120); })
      .then(function (answer) {
        // null: a newer query replaced this one while it waited.
        if (answer === null || ticket !== latest) return null;
        found = answer.results;
        return Promise.all(found.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }))
          .then(function (data) { if (ticket === latest) render(data, found.length); });
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

  /* The next results, after the ones shown; focus goes to the first of them. */
  more.addEventListener("click", function () {
    var ticket = latest;
    var start = shown;
    Promise.all(found.slice(start, start + PAGE_SIZE).map(function (r) { return r.data(); }))
      .then(function (data) {
        if (ticket !== latest) return;
        var added = items(data);
        list.append.apply(list, added);
        shown = start + data.length;
        more.hidden = shown >= found.length;
        var first = added[0] && added[0].querySelector("a");
        if (first) first.focus();
      });
  });

  /* The older parts join the search and the query is searched again; focus goes back to
     the box, and the status (a live region) announces the new count. */
  older.addEventListener("click", function () {
    older.hidden = true;
    panel.setAttribute("aria-busy", "true");
    Promise.all([load(), archiveParts()])
      .then(function (loaded) {
        var module = loaded[0], parts = loaded[1];
        return Promise.all(parts.parts.map(function (part) {
          return module.mergeIndex(root.dataset.bundle + part.path, { language: language() });
        }));
      })
      .then(function () {
        withArchive = true;
        input.focus();
        search();
      })
      .catch(function () {
        panel.setAttribute("aria-busy", "false");
        older.hidden = false;
      });
  });

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
