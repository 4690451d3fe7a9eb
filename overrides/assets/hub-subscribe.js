/* Copy buttons beside feed and calendar addresses (the subscribe boxes and the Feeds page).
   The page marks where each goes (span.hub-copy-slot[data-hub-copy], overrides/hub/_copy.html);
   without this script there is no button, and the links and addresses work as they are.
   The address goes to the clipboard or, where the browser refuses (a page not served over
   HTTPS), through a selected text field; a status message tells screen readers. */
(function () {
  "use strict";
  var slots = document.querySelectorAll(".hub-copy-slot[data-hub-copy]");
  if (!slots.length) return;
  var status = document.createElement("p");
  status.className = "hub-visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  slots.forEach(function (slot) {
    var data = slot.dataset;
    var button = document.createElement("button");
    var timer = null;
    button.type = "button";
    button.className = "hub-copy";
    button.textContent = data.hubCopyLabel;
    button.setAttribute("aria-label", data.hubCopyName);
    button.addEventListener("click", function () {
      copy(data.hubCopy).then(function () {
        button.textContent = data.hubCopied;
        button.classList.add("hub-copy--done");
        status.textContent = data.hubCopied;
        clearTimeout(timer);
        timer = setTimeout(function () {
          button.textContent = data.hubCopyLabel;
          button.classList.remove("hub-copy--done");
        }, 2500);
      }, function () {
        status.textContent = data.hubCopy;
      });
    });
    slot.replaceWith(button);
  });
})();
