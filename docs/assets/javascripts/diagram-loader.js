/*
 * Self-hosted, lazily loaded mermaid.
 *
 * Material for MkDocs renders diagrams by calling window.mermaid.initialize() and .render(); when
 * window.mermaid is undefined it fetches mermaid from a CDN by itself. This stand-in is on every page (so
 * that holds under instant navigation too) and answers those two calls. On the first render it loads our
 * vendored copy of mermaid (about 1 MB gzipped), but only once a diagram comes near the viewport, so pages
 * whose diagrams sit further down stay fast to load. The print page loads it at once: every diagram must
 * be drawn before printing.
 *
 * mkdocs-mermaid2 is pointed at this file too (mkdocs.yml, plugins.mermaid2.javascript), so pages with a
 * diagram never get a parser-blocking <script> for the full library.
 */
(function () {
  if (typeof window.mermaid !== "undefined") return;
  var script = document.currentScript;
  var url = new URL("../vendor/mermaid/mermaid.min.js", script ? script.src : location.href).href;
  var eager = /\/print_page\/?$/.test(location.pathname);
  var config = null;
  var loading = null; // the library's load, once started; each page's diagrams wait for the viewport first

  function nearViewport() {
    var diagrams = document.querySelectorAll("pre.mermaid");
    if (eager || !diagrams.length || !("IntersectionObserver" in window)) return Promise.resolve();
    return new Promise(function (resolve) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          resolve();
        }
      }, { rootMargin: "600px 0px" });
      diagrams.forEach(function (diagram) { observer.observe(diagram); });
    });
  }

  function load() {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      // The library replaces window.mermaid when it loads; calls made meanwhile wait on this promise.
      tag.onload = function () {
        if (window.mermaid && window.mermaid !== shim) resolve(window.mermaid);
        else reject(new Error(url + " loaded but did not define mermaid"));
      };
      tag.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(tag);
    }).then(function (real) {
      if (config) real.initialize(config);
      return real;
    });
  }

  var shim = {
    initialize: function (options) { config = options; },
    render: function (id, text, container) {
      var ready = loading || nearViewport().then(function () { return (loading = loading || load()); });
      return ready.then(function (real) { return real.render(id, text, container); });
    }
  };
  window.mermaid = shim;
})();
