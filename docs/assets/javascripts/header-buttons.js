/* Keyboard access to Material's header toggles (WCAG 2.1.1, 4.1.2).
   Material draws the menu and search buttons as <label>s for hidden checkboxes: a mouse can use
   them, a keyboard cannot reach them. Our header override marks them with data-thinka-button; this
   file replaces each with a real <button> that presses the same checkbox, keeps aria-expanded in
   step, moves focus into the opened menu and lets Escape close it. Without JavaScript the labels
   stay as they are. Loaded as a file (no inline script), so a strict Content-Security-Policy holds. */
(function () {
  "use strict";
  var buttons = {};
  document.querySelectorAll("label[data-thinka-button]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-thinka-for", label.htmlFor);  // Material's CSS shows and hides these by [for=…]
    button.setAttribute("aria-label", label.getAttribute("data-thinka-button"));
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    button.replaceChildren.apply(button, Array.prototype.slice.call(label.childNodes));
    label.replaceWith(button);
    button.addEventListener("click", function () {
      toggle.click();
      var field = toggle.checked && toggle.id === "__search" && document.querySelector(".md-search__input");
      if (field) field.focus();
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    });
    buttons[toggle.id] = button;
  });

  var drawer = document.getElementById("__drawer");
  var menu = buttons.__drawer;
  var nav = document.querySelector(".md-sidebar--primary");
  if (!drawer || !menu || !nav) return;
  drawer.addEventListener("change", function () {
    if (drawer.checked && menu === document.activeElement) {
      var first = nav.querySelector("a[href], label[tabindex]");
      if (first) window.setTimeout(function () { first.focus(); }, 0);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      menu.focus();
    }
  });
})();
