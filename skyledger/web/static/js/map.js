// The map: Natural Earth admin-1 units (static GeoJSON) and the events of /api/events as circles,
// sized by their largest figure and coloured by the attacker's side. Each circle links to its event.
"use strict";
(function () {
  var svgNode = document.getElementById("map");
  var form = document.getElementById("filters");
  var status = document.getElementById("map-status");
  var tbody = document.querySelector("#event-list tbody");
  var LON0 = 21, LAT0 = 58.5, KX = 20 * Math.cos(50 * Math.PI / 180), KY = 20, W = 373, H = 310;
  var MAX_EVENTS = 1000;
  var markers = SL.svg("g", { id: "markers" });

  function project(lon, lat) { return [(lon - LON0) * KX, (LAT0 - lat) * KY]; }

  function pathOf(geometry) {
    var d = "";
    geometry.coordinates.forEach(function (polygon) {
      polygon.forEach(function (ring) {
        ring.forEach(function (pt, i) {
          var p = project(pt[0], pt[1]);
          d += (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1);
        });
        d += "Z";
      });
    });
    return d;
  }

  function drawBasemap(collection) {
    var units = SL.svg("g", { id: "units" });
    collection.features.forEach(function (f) {
      var path = SL.svg("path", { d: pathOf(f.geometry), "class": "unit country-" + f.properties.country });
      path.appendChild(SL.svg("title", {}, f.properties.name));
      units.appendChild(path);
    });
    svgNode.insertBefore(units, svgNode.firstChild);
  }

  function sideClass(side) { return side === "RU" || side === "UA" || side === "other" ? "side-" + side : "side-none"; }

  function drawEvents(events) {
    SL.clear(markers);
    SL.clear(tbody);
    var placed = events.filter(function (e) { return e.point; });
    var seen = {};
    placed.slice().sort(function (a, b) { return b.size - a.size; }).forEach(function (e) {
      var p = project(e.point.lon, e.point.lat);
      var key = p[0].toFixed(0) + "," + p[1].toFixed(0);
      var n = seen[key] = (seen[key] || 0) + 1;  // spread events that share a place around it
      var angle = n * 2.4, radius = n > 1 ? 2 * Math.sqrt(n) : 0;
      var r = Math.min(3 + Math.sqrt(e.size) * 0.55, 22);
      var link = SL.svg("a", { href: "/events/" + encodeURIComponent(e.event_id), "class": "event-link",
                               "data-event": e.event_id });
      var circle = SL.svg("circle", { cx: (p[0] + radius * Math.cos(angle)).toFixed(1),
                                      cy: (p[1] + radius * Math.sin(angle)).toFixed(1),
                                      r: r.toFixed(1), "class": "marker " + sideClass(e.attacker_side) });
      circle.appendChild(SL.svg("title", {}, (e.date || "undated") + " · " + (e.attacker_side || "?") + " · " +
                                e.weapons.join(", ") + " · largest figure " + e.size + " · " + e.point.place));
      link.appendChild(circle);
      markers.appendChild(link);
    });
    events.forEach(function (e) {
      var row = SL.el("tr");
      var date = SL.el("td");
      date.appendChild(SL.el("a", e.date || "undated", { href: "/events/" + encodeURIComponent(e.event_id) }));
      row.appendChild(date);
      row.appendChild(SL.el("td", e.attacker_side || "?"));
      row.appendChild(SL.el("td", e.weapons.join(", ").replace(/_/g, " "), { "class": "weapons" }));
      row.appendChild(SL.el("td", e.size, { "class": "num" }));
      row.appendChild(SL.el("td", e.point ? e.point.place : (e.locations.join(", ") || "—")));
      row.appendChild(SL.el("td", e.corroboration, { "class": "num" }));
      row.appendChild(SL.el("td", e.flags.map(function (f) { return f.kind.replace(/_/g, " "); }).join(", ")));
      tbody.appendChild(row);
    });
    status.textContent = events.length + " events, " + placed.length + " on the map" +
      (events.length >= MAX_EVENTS ? " (the newest " + MAX_EVENTS + "; narrow the filters for more)" : "") + ".";
    svgNode.setAttribute("data-loaded", "true");
  }

  function load(query) {
    svgNode.setAttribute("data-loaded", "false");
    status.textContent = "Loading events…";
    var sep = query ? "&" : "?";
    SL.getAll(svgNode.getAttribute("data-api") + query + sep + "limit=500", MAX_EVENTS)
      .then(drawEvents)
      .catch(function (err) { status.textContent = "Could not load events: " + err.message; });
  }

  svgNode.setAttribute("viewBox", "0 0 " + W + " " + H);
  svgNode.appendChild(markers);
  fetch(svgNode.getAttribute("data-basemap"))
    .then(function (r) { return r.json(); })
    .then(drawBasemap)
    .catch(function () { status.textContent = "Basemap unavailable."; });
  SL.watchFilters(form, load);
})();
