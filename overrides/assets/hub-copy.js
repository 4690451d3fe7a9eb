/* Copy-link buttons. The page holds <p class="hub-copy" data-hub-copy="URL"
   data-hub-copy-label="Copy link" data-hub-copied="Link copied"></p>; this script puts a
   real <button> in it (reached and pressed by keyboard like any button) and a role="status"
   element that screen readers announce once the address is copied. Without scripts or
   without the clipboard nothing is shown, never a button that does nothing. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  function setUp(holder) {
    if (holder.querySelector("button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "hub-copy__button md-button";
    button.textContent = holder.getAttribute("data-hub-copy-label") || "Copy link";
    var status = document.createElement("span");
    status.className = "hub-copy__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(holder.getAttribute("data-hub-copy") || location.href).then(function () {
        status.textContent = "";
        // Filled a moment after being emptied, so that a second copy is announced again.
        window.setTimeout(function () { status.textContent = holder.getAttribute("data-hub-copied") || ""; }, 50);
      });
    });
    holder.appendChild(button);
    holder.appendChild(document.createTextNode(" "));
    holder.appendChild(status);
  }
  function init() {
    var holders = document.querySelectorAll(".hub-copy[data-hub-copy]");
    for (var i = 0; i < holders.length; i++) setUp(holders[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
