/* Tiltakshefte: small page behaviours. Runs on every page and after Material's
   instant navigation (document$ emits each time a page is shown). */
(function () {
  "use strict";
  function onPage(callback) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(callback);
    } else {
      document.addEventListener("DOMContentLoaded", callback);
    }
  }
  window.tiltakshefte = { onPage: onPage };
})();
