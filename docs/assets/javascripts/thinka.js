/* ThINKA: finder, "open now" and map consent. No third-party code, no storage without consent. */
(function () {
  "use strict";

  var DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
  /* "Open now" in words: German here; a page in another language carries its words in
     <script id="thinka-texts" type="application/json"> (views/wording.py, from the catalogue). */
  var WORDS = { open: "Jetzt geöffnet, bis {time} Uhr", later: "Geschlossen, öffnet heute um {time} Uhr",
    tomorrow: "Geschlossen, öffnet morgen um {time} Uhr", day: "Geschlossen, öffnet am {day} um {time} Uhr",
    holidayTomorrow: "Heute Feiertag, geschlossen, öffnet morgen um {time} Uhr",
    holidayDay: "Heute Feiertag, geschlossen, öffnet am {day} um {time} Uhr", closed: "Geschlossen", today: "heute", days: DAYS,
    map: { and: "{first} und {last}", group: { one: "{towns}: {num} Anlaufstelle", other: "{towns}: {num} Anlaufstellen" },
      where: ", ungefähre Lage", list: "{name}{where}. Liste zeigen", centre: " (Lage: Ortsmitte)", close: "Schließen" } };
  var own = document.getElementById("thinka-texts");
  try { if (own) { var got = JSON.parse(own.textContent); Object.keys(got).forEach(function (k) { WORDS[k] = got[k]; }); } } catch (e) { /* keep German */ }
  function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (all, k) { return values[k]; }); }
  function words(key, time, day) {
    return WORDS[key].replace("{time}", time).replace("{day}", day === undefined ? "" : WORDS.days[day]);
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
          return { state: "open", text: words("open", clock(r[2])) };
        }
      }
      var later = ranges.filter(function (r) { return r[0] === now.day && r[1] > now.minute; });
      if (later.length) return { state: "closed", text: words("later", clock(later[0][1])) };
    }
    for (var ahead = 1; ahead <= 14; ahead++) {
      var day = (now.day + ahead) % 7, date = isoPlus(now.date, ahead);
      if (holidays.indexOf(date) >= 0) continue;
      var first = ranges.filter(function (r) { return r[0] === day; });
      if (first.length) {
        var key = (holiday ? "holiday" : "") + (ahead === 1 ? "Tomorrow" : "Day");
        return { state: "closed", text: words(key.charAt(0).toLowerCase() + key.slice(1), clock(first[0][1]), day) };
      }
    }
    return { state: "closed", text: WORDS.closed };
  }

  function showState(element, ranges, holidays, now) {
    var state = openState(ranges, holidays, now);
    if (!state) return;
    element.textContent = state.text;
    element.className = "thinka-open thinka-open--" + state.state;
    element.hidden = false;
  }

  /* Site pages: mark today's row of each hours table in words ("heute") and with a bar. */
  function markToday(now) {
    document.querySelectorAll("tr[data-days]").forEach(function (row) {
      if (row.getAttribute("data-days").split(" ").indexOf(String(now.day)) < 0) return;
      row.classList.add("thinka-hours__row--today");
      row.setAttribute("aria-current", "date");
      var today = document.createElement("span");
      today.className = "thinka-hours__today";
      today.textContent = WORDS.today;
      row.querySelector("th").appendChild(today);
    });
  }

  /* Site pages: fill every [data-hours] badge. */
  function initOpenBadges() {
    var badges = document.querySelectorAll("[data-hours]");
    if (!badges.length) return;
    var now = berlinNow();
    markToday(now);
    badges.forEach(function (el) {
      try {
        showState(el, JSON.parse(el.getAttribute("data-hours")), JSON.parse(el.getAttribute("data-holidays") || "[]"), now);
      } catch (e) { /* leave the badge hidden */ }
    });
  }

  /* An element with attributes and children (text or nodes): text never becomes markup. Used by
     the map here and by the finder (thinka-finder.js, through thinkaShared). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  /* ---------------------------------------------------------------- finder */
  /* The finder's code (thinka-finder.js) and its index come only when the field is used. */
  window.thinkaShared = { openState: openState, berlinNow: berlinNow, el: el };

  function loadScript(src) {
    return new Promise(function (done, failed) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = done;
      script.onerror = failed;
      document.head.append(script);
    });
  }

  function pause() {  /* a new task soon: setTimeout would wait at least 4 ms after the fifth in a row */
    return new Promise(function (done) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { done(); };
      channel.port2.postMessage(0);
    });
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
    var index = null, loading = null, finder = null, texts = null;
    function message(key) {  /* in the page's language, from the finder's JSON block (finder.html) */
      if (!texts) {
        try { texts = JSON.parse(form.querySelector(".thinka-finder__texts").textContent); } catch (e) { texts = {}; }
      }
      return texts[key] || key;
    }
    function load() {
      if (!loading) {
        loading = Promise.all([
          fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }),
          window.ThinkaFinder ? null : loadScript(form.getAttribute("data-code"))
        ]).then(function (got) {
          /* reading the index, each step of preparing it and the first drawing each in a task of its
             own, so none holds the page up long (a phone is several times slower than a computer) */
          finder = window.ThinkaFinder;
          function step() { return pause().then(function () { return finder.prepareStep(got[0]) ? step() : got[0]; }); }
          return step();
        }).then(function (prepared) { index = prepared; return index; });
        loading.catch(function () {
          loading = null;  /* try again on the next keystroke */
          say(box, message("unreachable"), "thinka-finder__none");
        });
      }
      return loading;
    }
    function draw(text, answer) {
      try { finder.renderResults(form, index, text, answer || undefined); } catch (e) { say(box, message("failed")); }
    }
    function update() {
      var text = input.value;
      if (index) { draw(text); return; }  /* code and index are there: draw at once, in the same task */
      /* the first answer: searching and drawing in two tasks */
      var answer = null;
      load().then(function () { if (input.value === text) answer = finder.search(index, text); return pause(); })
        .then(function () { if (input.value === text) draw(text, answer); });
    }
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    var near = form.querySelector(".thinka-finder__near");
    if (near && navigator.geolocation) {
      near.parentNode.classList.remove("thinka-finder__near-row--off");
      near.addEventListener("click", function () {
        say(box, message("locating"));
        navigator.geolocation.getCurrentPosition(function (position) {
          load().then(function () { finder.renderNear(form, index, position); });
        }, function () {
          say(box, message("noPosition"), "thinka-finder__none");
        }, { timeout: 15000, maximumAge: 300000 });
      });
    }
    /* "?ort=…" fills the finder (a link someone shared). Not "q": Material's search opens on "q"
       and would cover the finder's results with its own "Keine Suchergebnisse". */
    var initial = new URLSearchParams(window.location.search).get("ort");
    if (initial) {
      /* Room for the answer down to the bottom of the screen, kept until the visitor types: the
         answer comes a moment later and would push what stands below it out of view (a layout
         shift). */
      var room = window.innerHeight - box.getBoundingClientRect().top;
      if (room > 0) {
        box.style.minHeight = Math.round(room) + "px";
        input.addEventListener("input", function () { box.style.minHeight = ""; }, { once: true });
      }
      input.value = initial;
      update();
    }
    window.thinkaFinder = { search: function (text) { return load().then(function () { return finder.search(index, text); }); } };
  }

  /* ---------------------------------------------------------------- map: nothing external before consent */
  /* What is stored and where tiles come from is read from the page (data-consent-key, data-tiles, …),
     written from thinka.views.overview_map.LIVE_MAP, which the privacy statement names too. */
  var CONSENT_KEY_ATTR = "data-consent-key";

  function remembered(box) {
    try { return window.localStorage.getItem(box.getAttribute(CONSENT_KEY_ATTR)) === box.getAttribute("data-consent-value"); } catch (e) { return false; }
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

  /* The mapped contact points, from the list under the map (its entries carry data-lat/-lon). */
  function mapPoints(box) {
    return Array.prototype.map.call(box.querySelectorAll(".thinka-map__list .thinka-map__point[data-lat]"), function (li) {
      var a = li.querySelector("a");
      return {
        lat: parseFloat(li.getAttribute("data-lat")), lon: parseFloat(li.getAttribute("data-lon")),
        name: a.textContent, href: a.getAttribute("href"), town: li.getAttribute("data-town"),
        site: li.getAttribute("data-site"), approximate: li.hasAttribute("data-approximate")
      };
    });
  }

  function townsText(points) {
    var towns = [];
    points.forEach(function (p) { if (towns.indexOf(p.town) < 0) towns.push(p.town); });
    towns.sort(function (a, b) { return a.localeCompare(b, "de"); });
    return towns.length === 1 ? towns[0] : fill(WORDS.map.and, { first: towns.slice(0, -1).join(", "), last: towns[towns.length - 1] });
  }

  /* Points closer than `px` on the screen share one marker, worked out again at every zoom as the
     build does for the offline map (thinka.views.overview_map._group): the point with the most
     neighbours that close takes them in first; groups whose centres came that close merge. */
  function groupPoints(map, points, px) {
    var at = points.map(function (p) { return map.latLngToLayerPoint([p.lat, p.lon]); });
    var near = at.map(function (a) {
      var found = [];
      at.forEach(function (b, j) { if (a.distanceTo(b) < px) found.push(j); });
      return found;
    });
    var order = points.map(function (p, i) { return i; }).sort(function (i, j) {
      return near[j].length - near[i].length || at[i].y - at[j].y || at[i].x - at[j].x;
    });
    var taken = [], groups = [];
    order.forEach(function (i) {
      if (taken[i]) return;
      var members = near[i].filter(function (j) { return !taken[j]; });
      members.forEach(function (j) { taken[j] = true; });
      groups.push(members);
    });
    function centre(g) {
      var x = 0, y = 0;
      g.forEach(function (j) { x += at[j].x; y += at[j].y; });
      return window.L.point(x / g.length, y / g.length);
    }
    for (var gone = [true]; gone.length;) {  /* each pass merges what it finds; a few passes at most */
      var centres = groups.map(centre), merged = [];
      gone = [];
      groups.forEach(function (g, i) {
        if (gone[i]) return;
        for (var j = i + 1; j < groups.length; j++) {
          if (!gone[j] && centres[i].distanceTo(centres[j]) < px) { g = g.concat(groups[j]); gone[j] = true; }
        }
        merged.push(g);
      });
      gone = gone.filter(Boolean);
      groups = merged;
    }
    groups.sort(function (a, b) { var p = centre(a), q = centre(b); return p.y - q.y || p.x - q.x; });  /* north first: the keyboard's order */
    return groups.map(function (g) { return { points: g.map(function (j) { return points[j]; }) }; });
  }

  function pointLink(p) {
    var link = el("a", { href: p.href }, [p.name]);
    return el("li", {}, [link, ", " + p.town + " – " + p.site + (p.approximate ? WORDS.map.centre : "")]);
  }

  function drawGroups(map, layer, points) {
    layer.clearLayers();
    groupPoints(map, points, 30).forEach(function (g) {
      g.points.sort(function (a, b) { return a.town.localeCompare(b.town, "de") || a.name.localeCompare(b.name, "de"); });
      var lat = 0, lon = 0, approximate = false;
      g.points.forEach(function (p) { lat += p.lat; lon += p.lon; approximate = approximate || p.approximate; });
      lat /= g.points.length; lon /= g.points.length;
      var many = g.points.length > 1;
      var group = WORDS.map.group, n = g.points.length;
      var name = many ? fill(group[new Intl.PluralRules(document.documentElement.lang || "de").select(n)] || group.other, { towns: townsText(g.points), num: n }) : g.points[0].name + " (" + g.points[0].town + ")";
      var icon = window.L.divIcon({
        className: "thinka-map__pin" + (many ? " thinka-map__pin--group" : "") + (approximate ? " thinka-map__pin--approximate" : ""),
        iconSize: [44, 44],
        html: "<span>" + (many ? g.points.length : "") + "</span>"
      });
      var marker = window.L.marker([lat, lon], { icon: icon, keyboard: true, riseOnHover: true });
      var popup = el("div", { "class": "thinka-map__popup" }, [
        many ? el("p", {}, [el("strong", {}, [name])]) : "",
        el("ul", {}, g.points.map(pointLink))
      ]);
      /* an element, never a string: Leaflet would read a string as HTML, and names are data */
      var where = approximate ? WORDS.map.where : "";
      marker.bindTooltip(el("span", {}, [name + where]), { direction: "auto" });
      marker.bindPopup(popup).addTo(layer);
      var element = marker.getElement();
      element.setAttribute("aria-label", many ? fill(WORDS.map.list, { name: name, where: where }) : name + where);
      element.setAttribute("role", "button");
    });
  }

  function showLiveMap(box) {
    var live = box.querySelector(".thinka-map__live");
    box.querySelector(".thinka-map__consent").hidden = true;
    live.hidden = false;
    loadLeaflet(box, function () {
      /* right to left (Arabic, Dari): the zoom buttons where a line starts, the credits where it ends */
      var rtl = window.getComputedStyle(live).direction === "rtl";
      var map = window.L.map(live, { keyboard: true, scrollWheelZoom: false, zoomControl: false });
      window.L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
      map.attributionControl.setPosition(rtl ? "bottomleft" : "bottomright");
      window.L.tileLayer(box.getAttribute("data-tiles"), {
        maxZoom: parseInt(box.getAttribute("data-max-zoom"), 10),
        referrerPolicy: box.getAttribute("data-referrer-policy"),
        attribution: box.getAttribute("data-attribution")
      }).addTo(map);
      var points = mapPoints(box);
      var layer = window.L.layerGroup().addTo(map);
      if (points.length) map.fitBounds(points.map(function (p) { return [p.lat, p.lon]; }), { padding: [30, 30], maxZoom: 12 });
      else map.setView([50.9, 11.0], 8);
      drawGroups(map, layer, points);
      map.on("zoomend", function () { drawGroups(map, layer, points); });
      box.querySelector(".thinka-map__overview").hidden = true;
      live.focus();
    });
  }

  /* A marker for several contact points: their list right under the map (without JavaScript the
     link leads to the same list further down the page). Escape or "Schließen" returns to the marker. */
  function initGroupPanel(box) {
    var panel = box.querySelector(".thinka-map__panel");
    if (!panel) return;
    var opener = null;
    function close() {
      panel.hidden = true;
      panel.textContent = "";
      if (opener) opener.focus();
    }
    box.querySelectorAll(".thinka-map__marker--group").forEach(function (marker) {
      marker.addEventListener("click", function (event) {
        var place = document.getElementById(marker.getAttribute("href").slice(1));
        if (!place) return;
        event.preventDefault();
        opener = marker;
        panel.textContent = "";
        var title = el("h2", { id: "thinka-map-panel-title", tabindex: "-1" }, [place.querySelector(".thinka-map__place-name").textContent]);
        var list = place.querySelector("ul").cloneNode(true);
        var shut = el("button", { type: "button", "class": "md-button thinka-map__panel-close" }, [WORDS.map.close]);
        shut.addEventListener("click", close);
        panel.append(title, list, shut);
        panel.setAttribute("role", "region");
        panel.setAttribute("aria-labelledby", "thinka-map-panel-title");
        panel.hidden = false;
        title.focus({ preventScroll: true });
        panel.scrollIntoView({ block: "nearest" });
      });
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
  }

  function initMap(box) {
    var step1 = box.querySelector(".thinka-map__step1");
    var details = box.querySelector(".thinka-map__details");
    var note = box.querySelector(".thinka-map__remembered");
    initGroupPanel(box);
    step1.addEventListener("click", function () {
      details.hidden = false;
      step1.setAttribute("aria-expanded", "true");
      box.querySelector(".thinka-map__load").focus();
    });
    box.querySelector(".thinka-map__load").addEventListener("click", function () {
      if (box.querySelector(".thinka-map__remember").checked) {
        try { window.localStorage.setItem(box.getAttribute(CONSENT_KEY_ATTR), box.getAttribute("data-consent-value")); } catch (e) { /* private mode: ask again next time */ }
      }
      showLiveMap(box);
    });
    box.querySelector(".thinka-map__forget").addEventListener("click", function () {
      try { window.localStorage.removeItem(box.getAttribute(CONSENT_KEY_ATTR)); } catch (e) { /* nothing stored */ }
      window.location.reload();
    });
    if (remembered(box)) {
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
