"""What each generated page shows: page views for sites, directories, partners, the map, news,
events, legal pages, the report and the field reference, and paging. Imports thinka.data and the
exports a page embeds (JSON-LD, QR code, feed and calendar files).
"""
