"""The controlled lists of the data: each allowed value (the YAML key editors type) with the
German label the site shows. The model (:mod:`.model`) declares which field takes which list."""

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
SITE_STATUS = {"geplant": "in Planung", "aktiv": "aktiv", "beendet": "beendet"}
CONTACT_KINDS = {
    "Anlaufstelle": "Anlaufstelle",
    "Bürgerbüro": "Bürgerbüro",
    "Beratungsstelle": "Beratungsstelle",
    "Stadtteilbüro": "Stadtteilbüro",
    "Treffpunkt": "Treffpunkt",
    "Mobile Sprechstunde": "Mobile Sprechstunde",
    "Beratungsbus": "Beratungsbus",
}
# Kinds of contact point that travel: no fixed door, their hours rows name the stops.
MOBILE_KINDS = frozenset({"Mobile Sprechstunde", "Beratungsbus"})
# What help a site or contact point offers: key (address /standorte/themen/<key>/) → label.
HELP_TOPICS = {
    "arbeit": "Arbeit und Ausbildung",
    "geld": "Geld und Schulden",
    "wohnen": "Wohnen",
    "gesundheit": "Gesundheit",
    "familie": "Familie und Kinder",
    "aemter": "Ämter und Anträge",
    "nachbarschaft": "Nachbarschaft und Beteiligung",
    "treffpunkt": "Treffpunkt und Begegnung",
}
STEP_FREE = {"ja": "stufenlos erreichbar", "teilweise": "teilweise stufenlos erreichbar", "nein": "nicht stufenlos erreichbar"}
# In which weeks an opening-hours row holds, when not every week ('wochen' of a row).
WEEK_RHYTHM = {
    "gerade": "in geraden Kalenderwochen",
    "ungerade": "in ungeraden Kalenderwochen",
    "1": "nur in der ersten Woche des Monats",
    "2": "nur in der zweiten Woche des Monats",
    "3": "nur in der dritten Woche des Monats",
    "4": "nur in der vierten Woche des Monats",
    "letzte": "nur in der letzten Woche des Monats",
}
# The same, short, for one-line summaries ("Do 14:00–16:00 (ungerade Wochen)").
WEEK_RHYTHM_SHORT = {
    "gerade": "gerade Wochen",
    "ungerade": "ungerade Wochen",
    "1": "1. Woche im Monat",
    "2": "2. Woche im Monat",
    "3": "3. Woche im Monat",
    "4": "4. Woche im Monat",
    "letzte": "letzte Woche im Monat",
}
# Messenger services reached by a phone number: key → label.
MESSENGERS = {"signal": "Signal", "whatsapp": "WhatsApp", "telegram": "Telegram"}
PRECISION = {"adresse": "genaue Lage", "ort": "ungefähre Lage (Ortsmitte)"}
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
