/*
 * Keep diagrams self-hosted under instant navigation.
 *
 * mkdocs-mermaid2 adds our vendored mermaid.min.js to pages that have a diagram. But when a reader reaches
 * such a page through Material's instant navigation, that script tag is not run, and Material then loads
 * mermaid from a CDN by itself (it does so whenever `window.mermaid` is undefined). This stand-in answers
 * Material's two calls, initialize() and render(), and loads our own copy on the first render.
 */
(function () {
  if (typeof window.mermaid !== "undefined") return;
  var script = document.currentScript;
  var url = new URL("../vendor/mermaid/mermaid.min.js", script ? script.src : location.href).href;
  var config = null;
  var loading = null;
  var shim = {
    initialize: function (options) { config = options; },
    render: function (id, text, container) {
      loading = loading || new Promise(function (resolve, reject) {
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
      return loading.then(function (real) { return real.render(id, text, container); });
    }
  };
  window.mermaid = shim;
})();
