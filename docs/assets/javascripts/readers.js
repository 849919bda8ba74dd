/* For readers on a phone: the reading mode (长辈模式 / Larger text), the share panel's
   copy button, and the hint beside PDF links inside WeChat. No request, no library.
   The reading mode is kept in Material's browser storage, under its scope (shared by
   the languages' roots, like the colour scheme), and set on <html> before the page is
   painted by the line in <head> (overrides/main.html). */
(function () {
  "use strict";
  var KEY = "__twincity_reading";
  var root = document.documentElement;

  function get() {
    try { return !!__md_get(KEY); } catch (e) { return false; }
  }
  function set(on) {
    try { __md_set(KEY, on); } catch (e) { /* no storage: this page only */ }
  }

  // The reading mode's switch: a button that is pressed or not.
  document.querySelectorAll("button[data-twincity-reading-switch]").forEach(function (button) {
    button.setAttribute("aria-pressed", String(root.hasAttribute("data-twincity-reading")));
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.hasAttribute("data-twincity-reading");
      root.toggleAttribute("data-twincity-reading", on);
      button.setAttribute("aria-pressed", String(on));
      set(on);
    });
  });
  if (get() !== root.hasAttribute("data-twincity-reading")) root.toggleAttribute("data-twincity-reading", get());

  // Copy link: the Clipboard API where there is one (secure pages), else a selected
  // text field and execCommand; when both fail, the address stays selected to copy.
  function copyByCommand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(field);
    return done;
  }
  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("[data-twincity-copy]").forEach(function (button) {
    var box = button.closest(".twincity-share__link");
    var status = box && box.querySelector(".twincity-share__status");
    var url = box && box.querySelector("[data-twincity-share-url]");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-twincity-copy");
      function said(ok) {
        if (status) status.textContent = button.getAttribute(ok ? "data-twincity-copied" : "data-twincity-copy-failed");
        if (!ok && url) selectText(url);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { said(true); }, function () { said(copyByCommand(text)); });
      } else {
        said(copyByCommand(text));
      }
    });
  });

  // WeChat's in-app browser opens no PDF: say how to open the file, and offer the page.
  if (/MicroMessenger/i.test(navigator.userAgent)) {
    document.querySelectorAll("[data-twincity-wechat]").forEach(function (hint) { hint.hidden = false; });
  }
})();
