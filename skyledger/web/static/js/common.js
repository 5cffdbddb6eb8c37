// Shared helpers for the dashboard. Data from the API is only ever set as text
// (textContent, setAttribute on known attributes), never parsed as HTML.
"use strict";
var SL = (function () {
  var SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // The form's non-empty fields as a query string ("?weapon=drone").
  function formQuery(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  // GET a JSON envelope; resolves with {data, next} or rejects with the error message.
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().then(function (body) {
        if (!body.ok) throw new Error(body.error && body.error.message || ("HTTP " + response.status));
        return body;
      });
    });
  }

  // Follow `next` cursors until `max` rows are collected.
  function getAll(url, max) {
    var rows = [];
    function step(u) {
      return getJSON(u).then(function (body) {
        rows = rows.concat(body.data);
        if (body.next && rows.length < max) {
          var sep = url.indexOf("?") >= 0 ? "&" : "?";
          return step(url + sep + "cursor=" + encodeURIComponent(body.next));
        }
        return rows;
      });
    }
    return step(url);
  }

  // Re-run `load` when a filter changes, keeping the address bar in step (no reload).
  function watchFilters(form, load) {
    function apply(event) {
      if (event) event.preventDefault();
      var query = formQuery(form);
      history.replaceState(null, "", location.pathname + query);
      load(query);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", apply);
    apply();
  }

  return { el: el, svg: svg, clear: clear, formQuery: formQuery, getJSON: getJSON, getAll: getAll,
           watchFilters: watchFilters };
})();
