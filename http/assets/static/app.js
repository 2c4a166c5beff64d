// redline dashboard: small enhancements over pages that work without
// script. Text from articles is only ever read and written through
// textContent, never as HTML.
(function () {
  "use strict";

  // Controls that work only with the script are hidden until it runs.
  document.querySelectorAll(".js-only[hidden]").forEach(function (el) { el.hidden = false; });

  // Filter the rows of a table as one types: <input data-filter-table="ID">.
  document.querySelectorAll("input[data-filter-table]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table || !table.tBodies.length) { return; }
    var status = document.createElement("span");
    status.className = "meta";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", status);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0, rows = table.tBodies[0].rows;
      for (var i = 0; i < rows.length; i++) {
        var hit = q === "" || rows[i].textContent.toLowerCase().indexOf(q) >= 0;
        rows[i].hidden = !hit;
        if (hit) { shown++; }
      }
      status.textContent = q === "" ? "" : " " + shown + " of " + rows.length + " rows shown";
    });
  });

  // Count down to deadlines, <span class="countdown" data-date="2025-10">,
  // as the server counts: whole days from today (UTC) to the deadline's
  // first day, "now" once it has begun. The server's clock, in the body's
  // data-now, is the reference; the browser's only measures time passing.
  var served = Date.parse(document.body.getAttribute("data-now") || "");
  var skew = isNaN(served) ? 0 : Date.now() - served;
  function start(value) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value || "");
    if (!m) { return null; }
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
  }
  function tick() {
    var now = new Date(Date.now() - skew);
    var today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    document.querySelectorAll(".countdown[data-date]").forEach(function (el) {
      var t = start(el.getAttribute("data-date"));
      if (t === null) { return; }
      var days = Math.max(0, Math.floor((t - today) / 86400000));
      el.textContent = days === 0 ? "now" : days === 1 ? "in 1 day" : "in " + days + " days";
    });
  }
  tick();
  setInterval(tick, 60000);

  // Keep a highlighted sentence in view with a little room above it.
  if (location.hash.indexOf("#s-") === 0) {
    var el = document.getElementById(location.hash.slice(1));
    if (el) { el.setAttribute("tabindex", "-1"); el.focus({ preventScroll: false }); }
  }
})();
