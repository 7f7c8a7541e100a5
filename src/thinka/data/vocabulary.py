"""The controlled lists of the data: each allowed value (the YAML key editors type) with the
German label the site shows. The model (:mod:`.model`) declares which field takes which list.

Labels the translated pages show are marked ``N_("…")``: a no-op here (the data layer knows no
languages), it only lets Babel find them for the catalogue (``make messages``); the views translate
them when a page in another language is drawn (:mod:`thinka.views.translation`)."""


def N_(label: str) -> str:  # noqa: N802 - the marker Babel looks for
    return label


ORGANISATION_TYPES = {
    "traeger": "Träger",
    "kommune": "Landkreise und Städte",
    "wohnungsunternehmen": "Wohnungsunternehmen",
    "ministerium": "Ministerien",
    "koordinierungsstelle": "Koordinierungsstelle",
    "verein": "Vereine und Initiativen",
    "bildung": "Schulen und Bildungseinrichtungen",
    "sonstige": "Weitere Partner",
}
SITE_STATUS = {"geplant": N_("in Planung"), "aktiv": N_("aktiv"), "beendet": N_("beendet")}
CONTACT_KINDS = {
    "Anlaufstelle": N_("Anlaufstelle"),
    "Bürgerbüro": N_("Bürgerbüro"),
    "Beratungsstelle": N_("Beratungsstelle"),
    "Stadtteilbüro": N_("Stadtteilbüro"),
    "Treffpunkt": N_("Treffpunkt"),
    "Mobile Sprechstunde": N_("Mobile Sprechstunde"),
    "Beratungsbus": N_("Beratungsbus"),
}
# Kinds of contact point that travel: no fixed door, their hours rows name the stops.
MOBILE_KINDS = frozenset({"Mobile Sprechstunde", "Beratungsbus"})
# What help a site or contact point offers: key (address /standorte/themen/<key>/) → label.
HELP_TOPICS = {
    "arbeit": N_("Arbeit und Ausbildung"),
    "geld": N_("Geld und Schulden"),
    "wohnen": N_("Wohnen"),
    "gesundheit": N_("Gesundheit"),
    "familie": N_("Familie und Kinder"),
    "aemter": N_("Ämter und Anträge"),
    "nachbarschaft": N_("Nachbarschaft und Beteiligung"),
    "treffpunkt": N_("Treffpunkt und Begegnung"),
}
STEP_FREE = {"ja": N_("stufenlos erreichbar"), "teilweise": N_("teilweise stufenlos erreichbar"), "nein": N_("nicht stufenlos erreichbar")}
# In which weeks an opening-hours row holds, when not every week ('wochen' of a row).
WEEK_RHYTHM = {
    "gerade": N_("in geraden Kalenderwochen"),
    "ungerade": N_("in ungeraden Kalenderwochen"),
    "1": N_("nur in der ersten Woche des Monats"),
    "2": N_("nur in der zweiten Woche des Monats"),
    "3": N_("nur in der dritten Woche des Monats"),
    "4": N_("nur in der vierten Woche des Monats"),
    "letzte": N_("nur in der letzten Woche des Monats"),
}
# The same, short, for one-line summaries ("Do 14:00–16:00 (ungerade Wochen)").
WEEK_RHYTHM_SHORT = {
    "gerade": N_("gerade Wochen"),
    "ungerade": N_("ungerade Wochen"),
    "1": N_("1. Woche im Monat"),
    "2": N_("2. Woche im Monat"),
    "3": N_("3. Woche im Monat"),
    "4": N_("4. Woche im Monat"),
    "letzte": N_("letzte Woche im Monat"),
}
# Messenger services reached by a phone number: key → label.
MESSENGERS = {"signal": "Signal", "whatsapp": "WhatsApp", "telegram": "Telegram"}
PRECISION = {"adresse": N_("genaue Lage"), "ort": N_("ungefähre Lage (Ortsmitte)")}
# Topics of news posts: key (address /aktuelles/themen/<key>/) → label shown on the site.
TOPICS = {
    "eroeffnung": "Eröffnung",
    "erfahrungsaustausch": "Erfahrungsaustausch",
    "jubilaeum": "Jubiläum",
    "programm": "Programm und Förderung",
    "stadtteil": "Stadtteil und Nachbarschaft",
    "beratung": "Beratung",
}
# Posts and events belong to sites (file names in sites/) or to the coordination office.
COORDINATION = "koordinierungsstelle"
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp")
