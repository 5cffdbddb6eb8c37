// The timeline: per day, four bars (launched, intercepted, lost, impacted) from /api/timeline.
// One panel per attacker side and claimant side, so one side's claims are never added to the other's;
// the same rows follow as a table.
"use strict";
(function () {
  var root = document.getElementById("timeline");
  var form = document.getElementById("filters");
  var status = document.getElementById("timeline-status");
  var tbody = document.querySelector("#timeline-table tbody");
  var ACTIONS = ["launched", "intercepted", "lost", "impacted"];
  var BAR = 5, GAP = 8, TOP = 22, HEIGHT = 150, LEFT = 44, BOTTOM = 30;

  function label(side) { return side || "?"; }

  function panel(title, dates, days) {
    var max = 0;
    dates.forEach(function (d) { ACTIONS.forEach(function (a) { max = Math.max(max, (days[d] || {})[a] || 0); }); });
    var width = Math.max(LEFT + dates.length * (ACTIONS.length * BAR + GAP) + 10, 300);
    var chart = SL.svg("svg", { width: width, height: TOP + HEIGHT + BOTTOM, "class": "panel",
                                viewBox: "0 0 " + width + " " + (TOP + HEIGHT + BOTTOM), role: "img" });
    chart.appendChild(SL.svg("text", { x: LEFT, y: 14, "class": "panel-title" }, title));
    chart.appendChild(SL.svg("line", { x1: LEFT, y1: TOP + HEIGHT, x2: width, y2: TOP + HEIGHT, "class": "axis" }));
    chart.appendChild(SL.svg("line", { x1: LEFT, y1: TOP, x2: LEFT, y2: TOP + HEIGHT, "class": "axis" }));
    chart.appendChild(SL.svg("text", { x: LEFT - 4, y: TOP + 8, "text-anchor": "end" }, max));
    chart.appendChild(SL.svg("text", { x: LEFT - 4, y: TOP + HEIGHT, "text-anchor": "end" }, 0));
    dates.forEach(function (date, i) {
      var x0 = LEFT + 4 + i * (ACTIONS.length * BAR + GAP);
      ACTIONS.forEach(function (action, j) {
        var value = (days[date] || {})[action];
        if (!value) return;
        var h = Math.max(1, value / max * HEIGHT);
        var bar = SL.svg("rect", { x: x0 + j * BAR, y: TOP + HEIGHT - h, width: BAR - 1, height: h,
                                   "class": "bar action-" + action });
        bar.appendChild(SL.svg("title", {}, date + ": " + value + " " + action));
        chart.appendChild(bar);
      });
      if (i % Math.max(1, Math.ceil(dates.length / 12)) === 0) {
        chart.appendChild(SL.svg("text", { x: x0, y: TOP + HEIGHT + 14 }, date));
      }
    });
    return chart;
  }

  function draw(rows) {
    SL.clear(root);
    SL.clear(tbody);
    var panels = {}, all = {};
    rows.forEach(function (r) {
      var key = label(r.attacker_side) + "|" + label(r.claimant_side);
      var days = panels[key] = panels[key] || {};
      var day = days[r.date] = days[r.date] || {};
      day[r.action] = (day[r.action] || 0) + r.count;
      all[r.date] = true;
      var tr = SL.el("tr");
      [r.date, label(r.attacker_side), label(r.claimant_side), r.weapon.replace(/_/g, " "), r.action, r.count, r.events]
        .forEach(function (v, i) { tr.appendChild(SL.el("td", v, i >= 5 ? { "class": "num" } : {})); });
      tbody.appendChild(tr);
    });
    var dates = Object.keys(all).sort();
    Object.keys(panels).sort().forEach(function (key) {
      var sides = key.split("|");
      var title = (sides[0] === "?" ? "Attacks by an unknown side" : "Attacks by " + sides[0]) +
        (sides[1] === "?" ? ", unattributed claims" : ", as claimed by " + sides[1]);
      root.appendChild(panel(title, dates, panels[key]));
    });
    status.textContent = dates.length ? dates.length + " days, from " + dates[0] + " to " + dates[dates.length - 1] + "."
                                      : "No figures for these filters.";
    root.setAttribute("data-loaded", "true");
  }

  function load(query) {
    if (!since.value) document.getElementById("window-note").textContent = "";
    root.setAttribute("data-loaded", "false");
    status.textContent = "Loading…";
    var params = new URLSearchParams(query);
    ["action", "place", "claimant", "text", "q", "doc_id"].forEach(function (k) { params.delete(k); });
    var text = params.toString();
    SL.getJSON(root.getAttribute("data-api") + (text ? "?" + text : ""))
      .then(function (body) { draw(body.data); })
      .catch(function (err) { status.textContent = "Could not load the timeline: " + err.message; });
  }

  // A large ledger holds years of events: open on its last 90 days unless the address asks for dates.
  var since = document.getElementById("since"), until = document.getElementById("until");
  if (since.value || until.value) {
    SL.watchFilters(form, load);
  } else {
    SL.getJSON("/api/events?limit=1").then(function (body) {
      var newest = body.data.length && body.data[0].date;
      if (newest) {
        var day = new Date(newest + "T00:00:00Z");
        day.setUTCDate(day.getUTCDate() - 89);
        since.value = day.toISOString().slice(0, 10);
        document.getElementById("window-note").textContent =
          "Showing the 90 days up to the newest event; clear \u201cfrom\u201d to see every day.";
      }
    }).catch(function () {}).then(function () { SL.watchFilters(form, load); });
  }
})();
