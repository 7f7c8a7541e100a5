"""Files for other programs, made from the data: vCard, JSON-LD, QR codes, the finder index, Atom
feeds, iCalendar, the editors' JSON Schema, CODEOWNERS and the hosting rules. Imports only thinka.data.
"""
