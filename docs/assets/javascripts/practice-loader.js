/*
 * Loads the practice module (practice/main.js) only on the pages that use it: a task page's quiz when it
 * nears the screen, the mock exam, flashcards and progress pages at once, and the "how you did" marks on
 * task and coverage pages only when this browser has saved answers. Every other page pays for this file
 * alone. Runs again after each of Material's instant page loads.
 */
(function () {
  var script = document.currentScript;
  var here = script ? script.src : location.href;
  var moduleUrl = new URL("practice/main.js", here).href;
  var root = new URL("../../", here).href;
  var KEY = "mla-c01-practice/v1";
  var loading = null;

  function load() {
    return (loading = loading || import(moduleUrl));
  }

  function saved() {
    try { return !!window.localStorage.getItem(KEY); } catch (e) { return false; }
  }

  function whenNear(element, callback) {
    if (!("IntersectionObserver" in window)) return callback();
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        callback();
      }
    }, { rootMargin: "1200px 0px" });
    observer.observe(element);
  }

  function run() {
    // The Print / PDF page shows each practice page's text; the apps themselves are for the screen.
    if (/\/print_page\/?$/.test(location.pathname)) return;
    var apps = document.querySelectorAll("[data-practice]:not([data-mounted])");
    apps.forEach(function (app) {
      app.setAttribute("data-mounted", "");
      var mount = function () {
        load().then(function (m) { m.mount(app, root); }, function (error) {
          app.querySelector(".practice__app, .practice__loading") &&
            (app.querySelector(".practice__loading") || app).insertAdjacentText("beforeend", " (could not load: " + error.message + ")");
        });
      };
      if (app.getAttribute("data-practice") === "quiz") whenNear(app, mount);
      else mount();
    });
    if (saved() && document.querySelector("h3.objective, [data-progress-marks]")) {
      var mark = function () { load().then(function (m) { m.markProgress(document, root); }); };
      if ("requestIdleCallback" in window) window.requestIdleCallback(mark, { timeout: 3000 });
      else window.setTimeout(mark, 500);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
