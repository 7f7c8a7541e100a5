/* ThINKA finder: matching what a resident types against the finder's index and drawing the answer.
   Loaded by thinka.js only when the finder is used (with the index), so pages without it or visitors
   who never use it do not load it. Shares openState, berlinNow and el with thinka.js. */
(function () {
  "use strict";

  var shared = window.thinkaShared;
  var berlinNow = shared.berlinNow, el = shared.el;

  /* ------------------------------------------------------------ the page's language */
  /* The texts in the page's language, from the JSON block that finder.html draws from the
     catalogue (finder.po); "%(name)s" where a name, a number or a link goes. */
  var block = document.querySelector(".thinka-finder__texts");
  var T = block ? JSON.parse(block.textContent) : {};
  var LANG = (document.documentElement.getAttribute("lang") || "de").slice(0, 2);

  /* A text with its placeholders filled: strings and nodes, for el(). */
  function say(key, params) {
    var template = T[key] || key, out = [], last = 0, found;
    var holder = /%\((\w+)\)s/g;
    while ((found = holder.exec(template))) {
      out.push(template.slice(last, found.index));
      var value = params ? params[found[1]] : undefined;
      out.push(value === undefined ? found[0] : typeof value === "number" ? String(value) : value);
      last = found.index + found[0].length;
    }
    out.push(template.slice(last));
    return out.filter(function (x) { return x !== ""; });
  }

  function sayText(key, params) {
    return say(key, params).map(function (x) { return typeof x === "string" ? x : x.textContent; }).join("");
  }

  /* Names from the data (places, contact points, districts) are German: marked so on the other
     languages' pages, so a screen reader reads them as German. */
  function de(text) {
    return LANG === "de" ? text : el("span", { lang: "de" }, [text]);
  }

  /* Numbers, codes and times keep their order inside right-to-left text. */
  function ltr(text) {
    return el("bdi", { dir: "ltr" }, [String(text)]);
  }

  var DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"], days = null;
  /* weekday names of the page's language from the browser's own locale data (CLDR, as Babel's),
     made only when a result needs one */
  function dayName(day) {
    if (LANG === "de") return DAYS_DE[day];
    if (!days) {
      try {
        var format = new Intl.DateTimeFormat(LANG, { weekday: "long", timeZone: "UTC" });
        days = DAYS_DE.map(function (_, d) { return format.format(new Date(Date.UTC(2024, 0, 1 + d))); });  /* 1 January 2024 was a Monday */
      } catch (e) { days = DAYS_DE; }
    }
    return days[day];
  }

  function dateText(point) {  /* the end of a closure: German as the data says it, else in the page's language */
    if (LANG === "de" || !point.zi) return point.z;
    try {
      var parts = point.zi.split("-").map(Number), options = { year: "numeric", timeZone: "UTC" };
      if (parts[1]) options.month = "long";
      if (parts[2]) options.day = "numeric";
      return new Intl.DateTimeFormat(LANG, options).format(new Date(Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1)));
    } catch (e) { return point.z; }
  }

  /* Must match thinka.exports.finder.normalize (Python): case, accents and umlaut spellings, the
     Ukrainian and Russian forms of a letter, the Arabic and Persian forms of a letter, Arabic-Indic
     and Persian digits. */
  var FOLD = { "є": "е", "э": "е", "і": "и", "ы": "и", "ґ": "г", "ь": "", "ъ": "",
    "\u0671": "\u0627", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643", "\u0629": "\u0647", "\u06be": "\u0647", "\u0640": "", "\u200c": "" };
  function normalize(text) {
    text = String(text).toLowerCase().replace(/ß/g, "ss");
    text = text.normalize("NFKD").replace(/\p{M}/gu, "");
    text = text.replace(/[єэіыґьъ\u0671\u0649\u06cc\u06a9\u0629\u06be\u0640\u200c]/g, function (c) { return FOLD[c]; })
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String(d.charCodeAt(0) - 0x6f0); });
    text = text.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
    return text.replace(/[^a-z0-9\u0430-\u044f\u0621-\u064a\u067e\u0686\u0698\u06af]+/g, " ").trim();
  }

  /* "Open now" in the page's language: the rule of openState in thinka.js (the site pages' badges). */
  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function isoPlus(iso, days) {
    var d = new Date(iso + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function openState(ranges, holidays, now) {
    if (!ranges || !ranges.length) return null;
    var holiday = holidays.indexOf(now.date) >= 0;
    if (!holiday) {
      for (var i = 0; i < ranges.length; i++) {
        var r = ranges[i];
        if (r[0] === now.day && r[1] <= now.minute && now.minute < r[2]) return { state: "open", text: say("openUntil", { time: ltr(clock(r[2])) }) };
      }
      var later = ranges.filter(function (r) { return r[0] === now.day && r[1] > now.minute; });
      if (later.length) return { state: "closed", text: say("opensToday", { time: ltr(clock(later[0][1])) }) };
    }
    for (var ahead = 1; ahead <= 14; ahead++) {
      var day = (now.day + ahead) % 7, date = isoPlus(now.date, ahead);
      if (holidays.indexOf(date) >= 0) continue;
      var first = ranges.filter(function (r) { return r[0] === day; });
      if (first.length) {
        var time = ltr(clock(first[0][1]));
        return { state: "closed", text: ahead === 1 ? say(holiday ? "holidayTomorrow" : "opensTomorrow", { time: time })
          : say(holiday ? "holidayOn" : "opensOn", { day: dayName(day), time: time }) };
      }
    }
    return { state: "closed", text: say("closed") };
  }

  /* ------------------------------------------------------------ matching */
  function distance(a, b, max) {
    /* Damerau–Levenshtein (optimal string alignment), stops early above max */
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* Most specific first: a street or Ortsteil before a postal code, a town, a district. */
  var KIND_RANK = { "Straße": 0, "Ortsteil": 1, "PLZ": 2, "Ort": 3, "Landkreis": 4, "kreisfreie Stadt": 4 };
  var MAX_QUERY = 120, MAX_WORDS = 6, MAX_SPAN = 3;
  /* "Thüringen" (also in Ukrainian, Russian, Arabic and Persian) and "ThINKA" add nothing to a place */
  var THURINGIA = ["thuringen", "thur", "thinka", "тюрингия", "тюрингии", "тюрингиа", "تورينغن", "تورينگن", "تورنغن", "تورينجيا", "تورينغيا"];
  /* words that name no place by themselves: not reported as unknown */
  var FILLER = ["strasse", "weg", "allee", "platz", "ring", "am", "an", "auf", "der", "die", "das", "den", "im", "in", "bei", "von", "und",
    "kreis", "landkreis", "kreisfreie", "stadt", "gemeinde", "ortsteil", "stadtteil", "plz", "ort", "bad", "st"];

  /* How well a part of the query names a key: 0 exact, 1 its beginning (only while the last word
     is typed), 2 a word of the key (whole query only) or its first word, 3 a small typo or "Lusaner"
     for "Lusan", 4 a typo in a beginning or in one word of a longer name; -1 no. */
  function score(span, key, last, whole, words) {
    if (key === span) return 0;
    if (last && span.length >= 2 && key.indexOf(span) === 0) return 1;
    if (/\d/.test(span)) return -1;  /* postal codes are exact or their beginning */
    if (whole && span.length >= 3 && (" " + key).indexOf(" " + span) >= 0) return 2;
    if (span.length >= 4 && FILLER.indexOf(span) < 0 && (" " + key + " ").indexOf(" " + span + " ") >= 0) return 2;  /* "Berga/Elster": Berga-Wünschendorf */
    if (span.length < 4) return -1;
    if (span.length >= 6 && span.slice(-2) === "er" && key === span.slice(0, -2)) return 3;
    var allowed = span.length >= 8 ? 2 : 1;
    if (Math.abs(key.length - span.length) <= allowed && distance(span, key, allowed) <= allowed) return 3;
    /* a typo while still typing: a weaker match than a typo of a whole name ("Weimra" is Weimar, not
       Weimar-Nord), and only from six letters on with the first letter right (no "Marisfeld" for "Paris") */
    if (last && span.length >= 6 && key.length > span.length && key[0] === span[0] && distance(span, key.slice(0, span.length), 1) <= 1) return 4;
    if (whole && words.length > 1) {
      for (var w = 0; w < words.length; w++) if (words[w].length >= 4 && distance(span, words[w], allowed) <= allowed) return 4;  /* weaker than a whole name */
    }
    return -1;
  }

  function bits(mask) { var n = 0; while (mask) { n += mask & 1; mask >>= 1; } return n; }

  /* The parts of a query: every run of up to three words ("gera", "lusan", "gera lusan"), so word
     order, hyphens and a postal code before the town do not matter. */
  function spans(query) {
    var words = query.split(" ").filter(function (w) { return THURINGIA.indexOf(w) < 0; }).slice(0, MAX_WORDS).map(function (w) {
      if (w === "sankt") return "st";  /* "Sankt Gangloff" is "St. Gangloff" */
      return w === "str" ? "strasse" : w.replace(/^(.{3,})str$/, "$1strasse");  /* "Kasseler Str. 1", "Leuchtenburgstr. 10" */
    });
    var n = words.length, out = [];
    for (var len = 1; len <= Math.min(n, MAX_SPAN); len++) {
      for (var start = 0; start + len <= n; start++) {
        var mask = 0;
        for (var k = start; k < start + len; k++) mask |= 1 << k;
        out.push({ text: words.slice(start, start + len).join(" "), mask: mask, last: start + len === n, whole: len === n });
      }
    }
    if (n > MAX_SPAN) out.push({ text: words.join(" "), mask: (1 << n) - 1, last: true, whole: true });
    return { list: out, full: (1 << n) - 1, words: words };
  }

  /* "Bad Frankenhausen/Kyffhäuser" also as "Bad Frankenhausen", "Halle (Saale)" as "Halle",
     "Neustadt an der Orla" as "Neustadt Orla" (so "Neustadt/Orla" finds it) */
  function placeKeys(name) {
    var keys = [normalize(name)];
    if (name.indexOf("/") > 0) keys.push(normalize(name.split("/")[0]));
    if (name.indexOf(" (") > 0) keys.push(normalize(name.split(" (")[0]));
    var short = keys[0].replace(/ (an der|am|an|in der|im|in|bei|ob der|vor der) /, " ");
    if (short !== keys[0]) keys.push(short);
    return keys.filter(function (k, i) { return k && keys.indexOf(k) === i; });
  }

  /* Once per load: the search candidates (the sites' terms and every place of Thuringia with its
     postal codes) and the other states' names. In steps, each a few milliseconds, so the loader
     (thinka.js) can give the page back between them: a phone is several times slower than a
     computer, and one long task would hold up a tap or the first drawing (Lighthouse's "Total
     Blocking Time"). prepare() runs the steps left at once. */
  function prepareSteps(index) {
    var towns = {}, partSites = {}, candidates = [];
    var townKeys, spots = [], centres = {}, first, codes = {}, thuringian = {}, elsewhere = {}, begun = {};
    function placesFrom(from, to) {  /* every place of Thuringia (in two steps, places from..to) */
      (index.places || []).slice(from, to).forEach(function (p) {
        spots.push({ name: p[0], district: p[1], c: [p[2], p[3]] });
        var i = spots.length - 1;
        var keys = placeKeys(p[0]).concat(spelled(p[0])), served = [];
        keys.forEach(function (k) {
          thuringian[k] = true;
          if (towns[k]) served = served.concat(towns[k]);
          /* a site in Leinefelde serves the Gemeinde Leinefelde-Worbis too */
          else townKeys.forEach(function (t) { if (k.indexOf(t + " ") === 0) served = served.concat(towns[t]); });
        });
        candidates.push({ keys: keys, label: p[0], kind: "Ort", sites: served, place: i });
        p[4].split(" ").forEach(function (code) { if (code) (codes[code] = codes[code] || []).push({ spot: i, sites: served, keys: keys }); });
      });
    }
    /* the town in Cyrillic and Arabic script ("Гера", "إرفورت"), from reference/ortsnamen-schriften.yml */
    function spelled(name) {
      return index.spellings && index.spellings[name] ? index.spellings[name].split("|") : [];
    }
    function elsewhereState(state) {
      index.elsewhere[state].split("|").forEach(function (name) {
        placeKeys(name).forEach(function (k) {
          /* "Berga" of Saxony-Anhalt is not an answer to "Berga/Elster" or "Berga-Wünschendorf" */
          if (begun[k]) return;
          var entry = elsewhere[k] || (elsewhere[k] = { name: name, states: [] });
          if (entry.states.indexOf(state) < 0) entry.states.push(state);
        });
      });
    }
    return [function () {
      index.terms.forEach(function (t) {
        candidates.push({ keys: [t[0]], label: t[1], kind: t[2], sites: t[3] });
        if (t[2] === "Ort") towns[t[0]] = (towns[t[0]] || []).concat(t[3]);
        if (t[2] === "Ortsteil") partSites[t[0]] = t[3];
      });
      townKeys = Object.keys(towns);
    }, function () {
      (index.places || []).forEach(function (p) {
        var c = centres[p[1]] || (centres[p[1]] = [0, 0, 0]);
        c[0] += p[2]; c[1] += p[3]; c[2] += 1;
      });
      /* every district as a whole too ("Weimarer Land"), at the middle of its places */
      Object.keys(centres).forEach(function (key) {
        var title = index.districts[key] || "", c = centres[key], name = normalize(title.replace(/^(Landkreis|Stadt) /, ""));
        var served = [], city = title.indexOf("Stadt ") === 0;
        /* served by a site working there today; a district with only ended sites is answered as a place without one */
        index.sites.forEach(function (site, n) { if (site.d.indexOf(key) >= 0 && site.s !== "beendet") served.push(n); });
        spots.push({ name: title, district: key, c: [c[0] / c[2], c[1] / c[2]], whole: true });
        var keys = [normalize(title), name].concat(city ? spelled(title.slice(6)) : ["kreis " + name, "lk " + name, name + " kreis", "landkreis " + name.replace(/ ?kreis$/, "")]);
        (index.aliases && index.aliases[key] ? index.aliases[key].split("|") : []).forEach(function (a) { keys.push(normalize(a)); });
        candidates.push({ keys: keys.filter(function (k, i) { return keys.indexOf(k) === i; }), label: title, kind: city ? "kreisfreie Stadt" : "Landkreis", sites: served, place: spots.length - 1 });
      });
      first = spots.length;
    }, function () {
      placesFrom(0, 250);
    }, function () {
      placesFrom(250);
    }, function () {
      /* a postal code of one Gemeinde is that Gemeinde; a code shared by several is answered for all of
         them, and "07381 Pößneck" is the one named */
      Object.keys(codes).forEach(function (code) {
        var owners = codes[code], sites = [];
        owners.forEach(function (o) { o.sites.forEach(function (s) { if (sites.indexOf(s) < 0) sites.push(s); }); });
        if (owners.length === 1) {
          candidates.push({ keys: [code], label: code + " " + spots[owners[0].spot].name, kind: "PLZ", sites: sites, place: owners[0].spot });
          return;
        }
        var names = owners.map(function (o) { return spots[o.spot].name; }), votes = {}, lat = 0, lon = 0;
        owners.forEach(function (o) {
          var s = spots[o.spot];
          votes[s.district] = (votes[s.district] || 0) + 1; lat += s.c[0]; lon += s.c[1];
          var keys = [];
          o.keys.forEach(function (k) { keys.push(code + " " + k, k + " " + code); });
          candidates.push({ keys: keys, label: s.name, kind: "Ort", sites: o.sites, place: o.spot });
        });
        var district = Object.keys(votes).sort(function (a, b) { return votes[b] - votes[a]; })[0];
        var shown = names.length > 8 ? sayText("namesMore", { names: names.slice(0, 7).join(", "), count: names.length - 7 })
          : sayText("namesAnd", { names: names.slice(0, -1).join(", "), last: names[names.length - 1] });
        spots.push({ name: code, code: code, names: shown, district: district, c: [lat / owners.length, lon / owners.length] });
        candidates.push({ keys: [code], label: code + " (" + shown + ")", kind: "PLZ", sites: sites, place: spots.length - 1 });
      });
    }, function () {
      /* the big cities' Ortsteile ("Lobeda"; "Erfurt Altstadt"), answered with their city's contact points */
      (index.parts || []).forEach(function (t) {
        var city = spots[first + t[1]], name = normalize(t[0]), keys = [];
        placeKeys(city.name).forEach(function (ck) { if (name.indexOf(ck + " ") !== 0) keys.push(ck + " " + name, name + " " + ck); });
        spots.push({ name: t[0], district: city.district, c: city.c, city: city.name });
        /* a site naming this Ortsteil in this city serves it (Artern's "Innenstadt" is not Erfurt's) */
        var served = t[2] ? [] : (partSites[name] || []).filter(function (n) { return index.sites[n].d.indexOf(city.district) >= 0; });
        /* with its city's name only as typed ("Erfurt Altstadt"; "Er" or "Altstadt" alone are not Erfurt's Altstadt) */
        if (keys.length) candidates.push({ keys: keys, label: t[0], kind: "Ortsteil", sites: served, place: spots.length - 1, exact: true });
        if (!t[2]) candidates.push({ keys: [name], label: t[0], kind: "Ortsteil", sites: served, place: spots.length - 1 });
        thuringian[name] = true;
      });
    }, function () {
      Object.keys(thuringian).forEach(function (k) {  /* every key and the beginnings of it by whole words */
        var words = k.split(" ");
        for (var n = 1; n <= words.length; n++) begun[words.slice(0, n).join(" ")] = true;
      });
    }, function () {
      Object.keys(index.elsewhere || {}).slice(0, 8).forEach(elsewhereState);
    }, function () {
      Object.keys(index.elsewhere || {}).slice(8).forEach(elsewhereState);
    }, function () {
      var prefixes = {};
      Object.keys(index.prefixes || {}).forEach(function (states) {
        index.prefixes[states].split(" ").forEach(function (p) { prefixes[p] = states.split(","); });
      });
      candidates.forEach(function (c) { c.words = c.keys.map(function (k) { return k.split(" "); }); });
      index.candidates = candidates;
      index.spots = spots;
      index.elsewhereKeys = elsewhere;
      index.prefixKeys = prefixes;
    }];
  }

  /* One step of preparing; true while steps are left. */
  function prepareStep(index) {
    if (index.candidates) return false;
    if (!index.steps) index.steps = prepareSteps(index);
    index.steps.shift()();
    return !index.candidates;
  }

  function prepare(index) {
    while (prepareStep(index)) { /* the rest at once */ }
    return index;
  }

  function better(a, b) {  /* is match a better than b? more words, then closer, then (while typing) the shorter name, then more specific */
    return !b || bits(a.mask) > bits(b.mask) || (bits(a.mask) === bits(b.mask) && (a.score < b.score || (a.score === b.score &&
      (a.score === 1 && a.length !== b.length ? a.length < b.length : a.rank < b.rank))));
  }

  /* {sites: ranked results, place: best place of Thuringia, elsewhere: a place or postal code of
     another state, code: a postal code typed, full: all words} */
  function search(index, text) {
    prepare(index);
    var query = normalize(String(text).slice(0, MAX_QUERY));
    var answer = { sites: [], place: null, elsewhere: null, code: null, exact: false };
    if (!query) return answer;
    var parts = spans(query);
    answer.full = parts.full;
    answer.empty = !parts.words.length;  /* only "Thüringen" */
    parts.words.forEach(function (w) { if (/^\d{5}$/.test(w) && !answer.code) answer.code = w; });
    var bySite = {}, found = 0;
    index.candidates.forEach(function (c) {
      var best = null;
      for (var s = 0; s < parts.list.length; s++) {
        var span = parts.list[s];
        for (var k = 0; k < c.keys.length; k++) {
          var sc = score(span.text, c.keys[k], span.last, span.whole, c.words[k]);
          if (sc >= 0 && !(c.exact && sc > 0)) {
            var m = { mask: span.mask, score: sc, rank: KIND_RANK[c.kind], label: c.label, kind: c.kind, place: c.place, length: c.keys[k].length };
            if (better(m, best)) best = m;
          }
        }
      }
      if (!best) return;
      found |= best.mask;
      if (best.score === 0) answer.exact = true;
      if (c.place !== undefined && better(best, answer.place)) { answer.place = best; best.served = c.sites.length > 0; }
      /* the best place that is not a whole district, for "Heiligenstadt/Eichsfeld" */
      if (c.place !== undefined && best.rank < KIND_RANK.Landkreis && better(best, answer.town)) { answer.town = best; best.served = c.sites.length > 0; }
      c.sites.forEach(function (site) {
        var r = bySite[site];
        if (!r) { bySite[site] = { site: index.sites[site], number: site, mask: best.mask, best: best }; return; }
        r.mask |= best.mask;
        if (better(best, r.best)) r.best = best;
      });
    });
    answer.sites = Object.keys(bySite).map(function (k) { return bySite[k]; }).sort(function (a, b) {
      return bits(b.mask) - bits(a.mask) || a.best.score - b.best.score || (a.site.s === "beendet") - (b.site.s === "beendet") ||
        a.best.rank - b.best.rank || a.number - b.number;  /* the index lists sites by name */
    });
    /* "Gera-Lusan": the site of Lusan in Gera, not every site that only matches "Gera" */
    /* words that named nothing ("Gera-Foobar"), apart from a house number */
    var known = parts.words.filter(function (w, i) { return found & (1 << i); });
    answer.unknown = parts.words.filter(function (w, i) {
      return !(found & (1 << i)) && known.indexOf(w) < 0 && !/^\d{1,4}[a-z]?$/.test(w) && FILLER.indexOf(w) < 0;
    }).filter(function (w, i, all) { return all.indexOf(w) === i; });
    var top = answer.sites[0];
    answer.sites = answer.sites.filter(function (r) {
      /* when not every word is found ("Erfurt-Nord"), only the closest: no "Nordhausen" for "Nord" */
      /* a name found as typed stands alone ("Ilmenau", not also "Ilmenauer Straße"), and no near-miss
         spelling ("Stadt Jena" for "Stadt Gera") beside a name found as typed or begun */
      if (top.best.score === 0 ? r.best.score > 0 : r.best.score >= 3 && top.best.score < 3) return false;
      if (top.best.score >= 3 && r.best.score > top.best.score) return false;  /* "Ilmenua": Ilmenau, not also "Ilmenauer Straße" */
      return top.mask === parts.full ? r.mask === parts.full : bits(r.mask) === bits(top.mask) && r.best.score === top.best.score;
    }).slice(0, 10);
    parts.list.forEach(function (span) {
      var hit = index.elsewhereKeys[span.text];
      if (hit && (!answer.elsewhere || bits(span.mask) > bits(answer.elsewhere.mask))) answer.elsewhere = { name: hit.name, states: hit.states, mask: span.mask };
    });
    if (answer.code && !answer.elsewhere) {
      var states = index.prefixKeys[answer.code.slice(0, 3)];
      var known = index.candidates.some(function (c) { return c.keys[0] === answer.code; });
      if (states && !known) answer.elsewhere = { name: answer.code, states: states, mask: 0, code: true };
    }
    return answer;
  }


  function shown(text) {  /* what the visitor typed, as text, cut when long, in its own direction */
    var chars = Array.from(String(text).trim());
    return el("bdi", {}, [chars.length > 60 ? chars.slice(0, 60).join("") + "…" : chars.join("")]);
  }

  function kilometres(a, b) {  /* great-circle distance, computed in the page */
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function nearest(index, from, count, skip) {
    return index.sites.map(function (site, i) { return { site: site, i: i }; })
      .filter(function (x) { return x.site.c && x.site.s !== "beendet" && !(skip && skip[x.i]); })
      .map(function (x) { x.km = kilometres(from, x.site.c); return x; })
      .sort(function (a, b) { return a.km - b.km; })
      .slice(0, count);
  }

  /* why: what the site was found by, as a list of strings and nodes */
  function siteItem(index, root, now, site, why) {
    var item = el("li", { "class": "thinka-finder__item" });
    item.append(el("a", { "class": "thinka-finder__site", href: root + site.u }, [de(site.n)]));
    var status = site.s === "beendet" ? " · " + sayText("ended") : site.s === "geplant" ? " · " + sayText("planned") : "";
    item.append(el("span", { "class": "thinka-finder__why" }, why.concat(status ? [status] : [])));
    if (site.f !== undefined) {
      var next = index.sites[site.f];
      item.append(el("span", { "class": "thinka-finder__successor" }, say("successor", { site: el("a", { href: root + next.u }, [de(next.n)]) })));
    }
    if (site.p.length) {
      var points = el("ul", { "class": "thinka-finder__points" });
      site.p.forEach(function (p) {
        var point = index.points[p];
        var li = el("li", {}, [el("a", { href: root + site.u + "#anlaufstelle-" + point.i }, [de(point.n)]),
          el("span", { "class": "thinka-finder__address" }, [el("bdi", { lang: "de" }, [point.a])])]);
        var state = openState(point.h, index.holidays, now);
        if (point.z) li.append(el("span", { "class": "thinka-open thinka-open--closed" }, say("closedUntil", { date: dateText(point) })));
        else if (state) li.append(el("span", { "class": "thinka-open thinka-open--" + state.state }, state.text));
        else if (point.v) li.append(el("span", { "class": "thinka-open" }, say("appointment")));
        if (point.t) li.append(el("a", { "class": "thinka-finder__call", href: "tel:" + point.t[1] }, [el("span", {}, say("call", { number: ltr(point.t[0]) }))]));
        points.append(li);
      });
      item.append(points);
    }
    return item;
  }

  function districtsOf(index, site) {
    return de(site.d.map(function (d) { return index.districts[d]; }).join(", "));
  }

  function list(items) {
    var ul = el("ul", { "class": "thinka-finder__list" });
    items.forEach(function (i) { ul.append(i); });
    return ul;
  }

  function directoryLink(form) {
    return el("a", { href: form.getAttribute("data-directory") }, say("directory"));
  }

  function helpLine(form) {
    return el("p", { "class": "thinka-finder__help" }, say("help", {
      directory: directoryLink(form),
      coordination: el("a", { href: form.getAttribute("data-coordination") }, say("coordination"))
    }));
  }

  function nearestList(index, root, now, from, skip) {
    return list(nearest(index, from, 3, skip).map(function (x) {
      return siteItem(index, root, now, x.site, say("distance", { km: Math.max(1, Math.round(x.km)) }).concat([" · ", districtsOf(index, x.site)]));
    }));
  }

  /* A place of Thuringia without a contact point: its district's sites, then the nearest ones. */
  function renderPlace(box, form, index, place) {
    var root = form.getAttribute("data-root"), now = berlinNow(), spot = index.spots[place];
    var title = index.districts[spot.district] || "", skip = {};
    var city = title.indexOf("Stadt ") === 0, district = de(title);  /* "in der Stadt Jena", "im Ilm-Kreis" */
    var from = spot.c, local = [];
    index.sites.forEach(function (site, i) {
      if (site.s !== "beendet" && site.d.indexOf(spot.district) >= 0) { local.push({ site: site, km: site.c ? kilometres(from, site.c) : 1e9 }); skip[i] = true; }
    });
    local.sort(function (a, b) { return a.km - b.km; });
    var one = local.length === 1;
    box.append(el("p", { "class": "thinka-finder__none" }, spot.whole ? say(city ? "noneCity" : "noneCounty", { district: district })
      : spot.code ? say("noneCode", { code: ltr(spot.code), places: de(spot.names) })
      : say("nonePlace", { place: de(spot.name) })));
    /* "Lobeda ist ein Ortsteil von Jena.", "Apolda gehört zum Landkreis Weimarer Land." */
    var belongs = spot.city ? say("partOf", { part: de(spot.name), city: de(spot.city) })
      : spot.code ? say(city ? "codeBelongsCity" : "codeBelongsCounty", { code: ltr(spot.code), district: de(title) })
      : say(city ? "belongsCity" : "belongsCounty", { place: de(spot.name), district: de(title) });
    var there = spot.city ? say((city ? "inCity" : "inCounty") + (one ? "One" : "Many"), { district: de(title) }) : say(one ? "thereOne" : "thereMany");
    var items = function () { return list(local.slice(0, 10).map(function (x) { return siteItem(index, root, now, x.site, [districtsOf(index, x.site)]); })); };
    if (spot.whole && local.length) {
      box.append(el("p", { "class": "thinka-finder__count" }, say((city ? "hereCity" : "hereCounty") + (one ? "One" : "Many"), { district: district })));
      box.append(items());
    } else if (spot.whole) {
      /* said above */
    } else if (local.length) {
      box.append(el("p", { "class": "thinka-finder__count" }, belongs.concat([" "], there)));
      box.append(items());
      if (local.length > 10) box.append(el("p", {}, say("more", { count: local.length - 10, directory: directoryLink(form) })));
    } else if (title) {
      box.append(el("p", {}, belongs.concat([" "], say(city ? "alsoNoneCity" : "alsoNoneCounty", { district: de(title) }))));
    }
    box.append(el("p", { "class": "thinka-finder__count" }, say(local.length ? "nearestOther" : "nearest")));
    box.append(nearestList(index, root, now, from, skip));
    box.append(helpLine(form));
  }

  function stateNames(index, states) {  /* "Niedersachsen oder Sachsen-Anhalt" */
    var names = states.map(function (s) { return index.states[s] || s; });
    return names.slice(1).reduce(function (all, name) { return sayText("or", { one: all, other: name }); }, names[0]);
  }

  function renderSites(box, form, index, sites, unknown) {
    var root = form.getAttribute("data-root"), now = berlinNow();
    if (unknown && unknown.length) box.append(el("p", {}, say(unknown.length === 1 ? "unknownWord" : "unknownWords", { words: el("bdi", {}, [unknown.join(" ")]) })));
    box.append(el("p", { "class": "thinka-finder__count" }, sites.length === 1 ? say("foundOne") : say("foundMany", { count: sites.length })));
    box.append(list(sites.map(function (r) {
      var districts = districtsOf(index, r.site);
      var district = r.best.kind === "Landkreis" || r.best.kind === "kreisfreie Stadt";
      return siteItem(index, root, now, r.site, district ? [districts] : [sayText(r.best.kind) + " ", de(r.best.label), " · ", districts]);
    })));
    /* only ended sites, none with a successor ("Suhl"): where to go today */
    var open = sites.some(function (r) { return r.site.s !== "beendet" || r.site.f !== undefined; });
    if (!open && sites[0].site.c) {
      var skip = {};
      sites.forEach(function (r) { skip[r.number] = true; });
      box.append(el("p", { "class": "thinka-finder__count" }, say(sites.length === 1 ? "endedOne" : "endedMany")));
      box.append(nearestList(index, root, now, sites[0].site.c, skip));
    }
  }

  /* answer: search(index, text) when the caller has it already (the loader searches and draws in two tasks) */
  function renderResults(form, index, text, answer) {
    var box = form.querySelector(".thinka-finder__results");
    box.textContent = "";
    var query = normalize(String(text).slice(0, MAX_QUERY));
    if (query.length < 2 && (query || Array.from(String(text).trim()).length < 2)) return;  /* one letter names no place yet */
    answer = answer || search(index, text);
    if (answer.empty) {
      box.append(el("p", {}, say("onlyThuringia")));
      box.append(helpLine(form));
      return;
    }
    var siteWords = answer.sites.length ? bits(answer.sites[0].mask) : 0;
    var placeWords = answer.place ? bits(answer.place.mask) : 0;
    if (answer.elsewhere && !answer.exact && bits(answer.elsewhere.mask) >= siteWords) {
      var e = answer.elsewhere;
      box.append(el("p", { "class": "thinka-finder__none" }, (e.code
        ? say("codeElsewhere", { code: ltr(e.name), states: de(stateNames(index, e.states)) })
        : say("placeElsewhere", { place: de(e.name), states: de(stateNames(index, e.states)) })).concat([" "], say("onlyHere"))));
      if (answer.sites.length && answer.sites[0].mask === answer.full) {
        box.append(el("p", {}, say("similar")));
        renderSites(box, form, index, answer.sites);
      }
      box.append(helpLine(form));
      return;
    }
    var top = answer.sites[0], place = answer.place, town = answer.town;
    if (place && place.served && place.rank === KIND_RANK.Landkreis && town && !town.served && !(town.mask & place.mask)) place = town;
    placeWords = place ? bits(place.mask) : 0;
    /* a place without a site wins when it matches more words, or as many but closer ("Weimarer Land"
       exactly, not "Weimar" by a near miss), or when the sites were found only by its district's
       name ("Gotha" is a town too: say it has no contact point, then name the district's) */
    var preferPlace = place && !place.served && (!top || placeWords > siteWords ||
      (placeWords === siteWords && (place.score < top.best.score || (top.best.rank === KIND_RANK.Landkreis && (place.score <= top.best.score || place.mask !== top.best.mask)))));
    if (top && !preferPlace) { renderSites(box, form, index, answer.sites, answer.unknown); return; }
    if (place) { renderPlace(box, form, index, place.place); return; }
    box.append(el("p", { "class": "thinka-finder__none" }, answer.code ? say("unknownCode", { code: ltr(answer.code) }) : say("unknownQuery", { query: shown(text) })));
    box.append(el("p", {}, say("typePlace")));
    box.append(helpLine(form));
  }

  /* "In meiner Nähe": the position is asked for only when the button is pressed, and only used here. */
  function renderNear(form, index, position) {
    var box = form.querySelector(".thinka-finder__results"), root = form.getAttribute("data-root");
    var from = [position.coords.latitude, position.coords.longitude], found = nearest(index, from, 5);
    box.textContent = "";
    if (found.length && found[0].km > 60) box.append(el("p", { "class": "thinka-finder__none" }, say("farAway")));
    box.append(el("p", { "class": "thinka-finder__count" }, say("nearYou")));
    box.append(nearestList(index, root, berlinNow(), from));
  }

  window.ThinkaFinder = { prepare: prepare, prepareStep: prepareStep, search: search, renderResults: renderResults, renderNear: renderNear, normalize: normalize };
})();
