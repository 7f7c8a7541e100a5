"""The MkDocs adapter, the only code that imports MkDocs: the plugin's event handlers and, beside
them, rendering, frames and their drawing workers, the warm-up, dirty rebuilds, search index and sitemap.
"""
