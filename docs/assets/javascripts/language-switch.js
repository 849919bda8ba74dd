/*
 * The language switcher keeps the reader's place (loaded by overrides/partials/alternate.html).
 *
 * 1. Its links point at this page in the other language, where every heading,
 *    agreement and timeline entry has the same id: the current #anchor is added.
 * 2. Material's "stay on page" code fetches sitemap.xml next to every
 *    <link rel="alternate"> when the DOM is ready (/en/agreements/sitemap.xml: a 404
 *    per hreflang link) to work out what the links already say, and next to the
 *    updates feed's <link rel="alternate" type="application/atom+xml"> too. Every
 *    alternate link is set aside while it looks and put back right after, for anyone
 *    reading them.
 */
(function () {
  "use strict";

  var SWITCHER_LINKS = "a.md-select__link[hreflang]";

  function withCurrentHash(link) {
    var url = new URL(link.href, location.href);
    url.hash = location.hash;
    link.href = url.href;
  }

  function updateSwitcher() {
    document.querySelectorAll(SWITCHER_LINKS).forEach(withCurrentHash);
  }

  // Runs before Material's DOMContentLoaded listener on document: window listeners in
  // the capture phase come first, whatever order the scripts ran in.
  window.addEventListener("DOMContentLoaded", function () {
    var alternates = Array.prototype.slice.call(
      document.querySelectorAll('link[rel="alternate"]')
    );
    alternates.forEach(function (link) { link.removeAttribute("rel"); });
    setTimeout(function () {
      alternates.forEach(function (link) { link.setAttribute("rel", "alternate"); });
    }, 0);
  }, { capture: true, once: true });

  updateSwitcher();
  window.addEventListener("hashchange", updateSwitcher);

  // On the way out, take the anchor as it is now, and keep the click from Material's
  // own handler on <body>, which would send the reader to the other language's home.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(SWITCHER_LINKS);
    if (!link) return;
    withCurrentHash(link);
    event.stopPropagation();
  }, true);
})();
