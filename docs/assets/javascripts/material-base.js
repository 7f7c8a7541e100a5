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
