/* ThINKA: finder, "open now" and map consent. No third-party code, no storage without consent. */
(function () {
  "use strict";

  var DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

  /* Must match thinka.finder.normalize (Python). */
  function normalize(text) {
    text = String(text).toLowerCase().replace(/ß/g, "ss");
    text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    text = text.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
    return text.replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* ---------------------------------------------------------------- time in Europe/Berlin */
  /* Berlin time from UTC by the EU summer-time rule (Directive 2000/84/EC: CEST, UTC+2, from the
     last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC; otherwise CET, UTC+1).
     Arithmetic instead of Intl.DateTimeFormat with a timeZone, whose first use costs a phone about
     60 ms of blocked main thread (Lighthouse, 4x CPU slowdown). If the EU ends the clock change,
     this function changes with it. */
  function lastSundayUtc(year, month) {  /* month 0-based; 01:00 UTC of that month's last Sunday */
    var last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 86400000;
  }

  function berlinNow() {
    var utc = new Date(), year = utc.getUTCFullYear();
    var summer = utc.getTime() >= lastSundayUtc(year, 2) && utc.getTime() < lastSundayUtc(year, 9);
    var local = new Date(utc.getTime() + (summer ? 2 : 1) * 3600000);  /* read with getUTC* */
    return {
      date: local.toISOString().slice(0, 10),
      day: (local.getUTCDay() + 6) % 7,
      minute: local.getUTCHours() * 60 + local.getUTCMinutes()
    };
  }

  function isoPlus(iso, days) {
    var d = new Date(iso + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  /* ranges: [[weekday 0=Mo, start, end], ...]; returns {state, text} or null when no hours are known */
  function openState(ranges, holidays, now) {
    if (!ranges || !ranges.length) return null;
    var holiday = holidays.indexOf(now.date) >= 0;
    if (!holiday) {
      for (var i = 0; i < ranges.length; i++) {
        var r = ranges[i];
        if (r[0] === now.day && r[1] <= now.minute && now.minute < r[2]) {
          return { state: "open", text: "Jetzt geöffnet, bis " + clock(r[2]) + " Uhr" };
        }
      }
      var later = ranges.filter(function (r) { return r[0] === now.day && r[1] > now.minute; });
      if (later.length) return { state: "closed", text: "Geschlossen, öffnet heute um " + clock(later[0][1]) + " Uhr" };
    }
    for (var ahead = 1; ahead <= 14; ahead++) {
      var day = (now.day + ahead) % 7, date = isoPlus(now.date, ahead);
      if (holidays.indexOf(date) >= 0) continue;
      var first = ranges.filter(function (r) { return r[0] === day; });
      if (first.length) {
        var when = ahead === 1 ? "morgen" : "am " + DAYS[day];
        return { state: "closed", text: (holiday ? "Heute Feiertag, geschlossen" : "Geschlossen") + ", öffnet " + when + " um " + clock(first[0][1]) + " Uhr" };
      }
    }
    return { state: "closed", text: "Geschlossen" };
  }

  function showState(element, ranges, holidays, now) {
    var state = openState(ranges, holidays, now);
    if (!state) return;
    element.textContent = state.text;
    element.className = "thinka-open thinka-open--" + state.state;
    element.hidden = false;
  }

  /* Site pages: fill every [data-hours] badge. */
  function initOpenBadges() {
    var badges = document.querySelectorAll("[data-hours]");
    if (!badges.length) return;
    var now = berlinNow();
    badges.forEach(function (el) {
      try {
        showState(el, JSON.parse(el.getAttribute("data-hours")), JSON.parse(el.getAttribute("data-holidays") || "[]"), now);
      } catch (e) { /* leave the badge hidden */ }
    });
  }

  /* ---------------------------------------------------------------- finder */
  /* The finder's code (thinka-finder.js) and its index come only when the field is used. */
  window.thinkaShared = { normalize: normalize, openState: openState, berlinNow: berlinNow };

  function loadScript(src) {
    return new Promise(function (done, failed) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = done;
      script.onerror = failed;
      document.head.append(script);
    });
  }

  function pause() {
    return new Promise(function (done) { setTimeout(done, 0); });
  }

  function say(box, text, kind) {
    var p = document.createElement("p");
    if (kind) p.className = kind;
    p.textContent = text;
    box.textContent = "";
    box.append(p);
  }

  function initFinder(form) {
    var input = form.querySelector("input");
    var box = form.querySelector(".thinka-finder__results");
    var index = null, loading = null, finder = null;
    function load() {
      if (!loading) {
        loading = Promise.all([
          fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }),
          window.ThinkaFinder ? null : loadScript(form.getAttribute("data-code"))
        ]).then(function (got) {
          /* reading the index, preparing it and the first drawing each in a task of its own, so none
             holds the page up long (a phone is several times slower than this computer) */
          return pause().then(function () { finder = window.ThinkaFinder; index = finder.prepare(got[0]); return pause(); })
            .then(function () { return index; });
        });
        loading.catch(function () {
          loading = null;  /* try again on the next keystroke */
          say(box, "Die Suche ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.", "thinka-finder__none");
        });
      }
      return loading;
    }
    function draw(text) {
      try { finder.renderResults(form, index, text); } catch (e) { say(box, "Die Suche hat gerade nicht geklappt. Bitte versuchen Sie es noch einmal."); }
    }
    function update() {
      var text = input.value;
      if (index) { draw(text); return; }  /* code and index are there: draw at once, in the same task */
      load().then(function () { if (input.value === text) draw(text); });
    }
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    var near = form.querySelector(".thinka-finder__near");
    if (near && navigator.geolocation) {
      near.parentNode.classList.remove("thinka-finder__near-row--off");
      near.addEventListener("click", function () {
        say(box, "Ihr Standort wird ermittelt …");
        navigator.geolocation.getCurrentPosition(function (position) {
          load().then(function () { finder.renderNear(form, index, position); });
        }, function () {
          say(box, "Ihr Standort ist nicht verfügbar. Geben Sie bitte Ihren Ort oder Ihre Postleitzahl ein.", "thinka-finder__none");
        }, { timeout: 15000, maximumAge: 300000 });
      });
    }
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; update(); }
    window.thinkaFinder = { search: function (text) { return load().then(function () { return finder.search(index, text); }); } };
  }

  /* ---------------------------------------------------------------- map: nothing external before consent */
  var CONSENT_KEY = "thinka-karte-zustimmung";

  function remembered() {
    try { return window.localStorage.getItem(CONSENT_KEY) === "ja"; } catch (e) { return false; }
  }

  function loadLeaflet(box, done) {
    if (window.L) return done();
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = box.getAttribute("data-leaflet-css");
    document.head.append(css);
    var script = document.createElement("script");
    script.src = box.getAttribute("data-leaflet-js");
    script.onload = done;
    document.head.append(script);
  }

  function showLiveMap(box) {
    var live = box.querySelector(".thinka-map__live");
    box.querySelector(".thinka-map__consent").hidden = true;
    live.hidden = false;
    loadLeaflet(box, function () {
      var map = window.L.map(live, { keyboard: true, scrollWheelZoom: false });
      window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 18,
        attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
      }).addTo(map);
      var bounds = [];
      box.querySelectorAll(".thinka-map__marker").forEach(function (a) {
        var lat = parseFloat(a.getAttribute("data-lat")), lon = parseFloat(a.getAttribute("data-lon"));
        var icon = window.L.divIcon({ className: "thinka-map__pin", iconSize: [22, 22], html: "" });
        var marker = window.L.marker([lat, lon], { icon: icon, keyboard: true, title: a.getAttribute("aria-label"), alt: a.getAttribute("aria-label") });
        var link = document.createElement("a");
        link.href = a.getAttribute("href");
        link.textContent = a.getAttribute("data-name");
        var popup = document.createElement("div");
        popup.append(link, document.createElement("br"), a.getAttribute("data-site"));
        marker.bindPopup(popup).addTo(map);
        bounds.push([lat, lon]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12 });
      else map.setView([50.9, 11.0], 8);
      box.querySelector(".thinka-map__overview").hidden = true;
      live.focus();
    });
  }

  function initMap(box) {
    var step1 = box.querySelector(".thinka-map__step1");
    var details = box.querySelector(".thinka-map__details");
    var note = box.querySelector(".thinka-map__remembered");
    step1.addEventListener("click", function () {
      details.hidden = false;
      step1.setAttribute("aria-expanded", "true");
      box.querySelector(".thinka-map__load").focus();
    });
    box.querySelector(".thinka-map__load").addEventListener("click", function () {
      if (box.querySelector(".thinka-map__remember").checked) {
        try { window.localStorage.setItem(CONSENT_KEY, "ja"); } catch (e) { /* private mode: ask again next time */ }
      }
      showLiveMap(box);
    });
    box.querySelector(".thinka-map__forget").addEventListener("click", function () {
      try { window.localStorage.removeItem(CONSENT_KEY); } catch (e) { /* nothing stored */ }
      window.location.reload();
    });
    if (remembered()) {
      note.hidden = false;
      showLiveMap(box);
      box.querySelector(".thinka-map__consent").hidden = false;
      step1.hidden = true;
    }
  }

  function init() {
    initOpenBadges();
    document.querySelectorAll("form.thinka-finder").forEach(initFinder);
    document.querySelectorAll(".thinka-map").forEach(initMap);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
