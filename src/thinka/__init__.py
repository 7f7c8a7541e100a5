"""ThINKA: Standorte, Anlaufstellen und Partner aus YAML – Datenschicht und MkDocs-Anbindung."""
