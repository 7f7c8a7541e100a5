/* Material for MkDocs 9.8 (MIT License, Martin Donath): the helpers of partials/javascripts/base.html,
   moved from an inline script into this file so that a Content-Security-Policy without
   'unsafe-inline' holds. One change: __md_get and __md_set keep values in memory for the current
   page instead of localStorage/sessionStorage, so the site leaves nothing in the visitor's browser
   (no storage without consent; this site uses none of the Material features that need to
   remember something across pages, such as a colour palette switch). */
var __md_scope = new URL(document.currentScript.getAttribute("data-md-scope"), location);
var __md_memory = Object.create(null);
var __md_hash = function (text) {
  return [...text].reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  var value = __md_memory[(scope || __md_scope).pathname + "." + key];
  return value === undefined ? null : JSON.parse(value);
};
var __md_set = function (key, value, storage, scope) {
  try {
    __md_memory[(scope || __md_scope).pathname + "." + key] = JSON.stringify(value);
  } catch (error) {}
};

/* thinka: two requests Material's bundle would make on every page load, held back here (this file
   runs in <head>, before the bundle; Material requests both with XMLHttpRequest).
   1. The full-text search index (search/search_index.json) is sent only when the visitor opens
      search: the search toggle is switched on (button, or Material's keyboard shortcuts S, F, /),
      the search field gets focus, or the page was opened from a search result (?h=…, for the
      highlighting). Until then Material's search waits as it would on a slow network.
   2. Requests for a sitemap.xml are never sent. Material fetches one for every <link rel="alternate">
      (meant for language versions) and for instant navigation; this site uses neither, and our
      feed link would make it ask for /aktuelles/sitemap.xml, which does not exist (404 in the
      console). Material treats a request that ends without an answer as an empty sitemap. */
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = new URLSearchParams(location.search).has("h");
  function path(xhr) {
    try { return new URL(xhr.__thinka_url, location.href).pathname; } catch (e) { return ""; }
  }
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (job) { job(); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__thinka_url = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments, where = path(xhr);
    if (/\/sitemap\.xml$/.test(where)) {
      xhr.dispatchEvent(new ProgressEvent("abort"));
      return;
    }
    if (!released && /\/search\/search_index\.json$/.test(where)) {
      waiting.push(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(xhr, args);
  };
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  }, true);
})();
