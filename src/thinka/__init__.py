"""ThINKA: Standorte, Anlaufstellen und Partner aus YAML.

Layers, each importing only those below it: ``data`` < ``exports`` < ``views`` < ``engine`` | ``editors``
(checked by import-linter, see pyproject.toml).
"""
