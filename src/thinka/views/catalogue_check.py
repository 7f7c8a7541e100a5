"""Whether a catalogue's translations fit the placeholders of their German texts: Babel's checks,
and a trial fill-in with the German text's placeholders as the site does it (which also catches a
lone ``%`` and a placeholder in a text whose German has none). A failing entry counts as missing on
the site (:mod:`.translation` shows the German text) and is reported as a German
``path:line:column`` message."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from thinka.data.languages import LANGUAGES

_PLACEHOLDER = re.compile(r"%\((\w+)\)")


def broken(catalogue: Catalog, message: Message) -> list[str]:
    """What is wrong with a translation's placeholders (Babel's checks, in Babel's words), and
    whether each form can be filled in with the German text's placeholders as the site does."""
    errors = [str(error) for error in message.check(catalogue)]
    if errors or not message.string:
        return errors
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    values = {name: "" for text in ids for name in _PLACEHOLDER.findall(text)} | {"num": 0}
    forms = [message.string] if isinstance(message.string, str) else list(message.string)
    uses_params = any("%(" in text for text in ids)
    for form in forms:
        if not uses_params:  # printed as it is: a placeholder there would be printed too
            errors += [f"{form!r} hat einen Platzhalter, den der deutsche Text nicht hat"] if _PLACEHOLDER.search(form) else []
            continue
        try:
            form % values
        except (KeyError, ValueError, TypeError) as error:
            errors.append(f"{form!r} lässt sich nicht ausfüllen ({error}; ein Prozentzeichen allein schreiben Sie %%)")
    return errors


def check_catalogue(path: Path) -> list[str]:
    """Every entry of a catalogue file whose translation does not fit the placeholders of the
    German text, as German ``path:line:column: …`` messages (none for a good file)."""
    code = path.parent.parent.name
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=code if code in LANGUAGES else None)
    problems = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        errors = broken(catalogue, message)
        if errors:
            german = message.id if isinstance(message.id, str) else message.id[0]
            problems.append(
                f"{path}:{message.lineno}:1: Die Übersetzung von „{german}“ passt nicht zu dessen Platzhaltern "
                f"(%(name)s muss genau so bleiben, wie der deutsche Text ihn schreibt): {'; '.join(errors)}"
            )
    return problems
