"""Reading and checking the data: YAML with positions, field types, dates, opening hours, districts,
the model (one declaration per field), validation with German messages, the loaded dataset.
Imports nothing else of thinka, and nothing of MkDocs.
"""
