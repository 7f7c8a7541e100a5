"""Long lists split into pages of bounded size, so no page grows with the number of entries.

Page 1 lives at the list's own address (``aktuelles/``), page n at ``aktuelles/seite/n/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .common import PageView
from .translation import N_


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}seite/{number}/"


def pagination(base: str, number: int, count: int) -> dict[str, Any]:
    """Links for page ``number`` of ``count``: previous, next and a short window of page numbers."""
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    return {
        "number": number,
        "count": count,
        "previous": page_url(base, number - 1) if number > 1 else None,
        "next": page_url(base, number + 1) if number < count else None,
        "pages": [{"number": n, "url": page_url(base, n), "current": n == number, "gap_before": i > 0 and n - shown[i - 1] > 1} for i, n in enumerate(shown)],
    }


def paged_views(
    items: Sequence[Any],
    *,
    base: str,
    per_page: int,
    title: str,
    description: str,
    template: str,
    context: dict[str, Any],
    source: Path | None = None,
    drawn: Callable[[Any], Any] | None = None,
) -> Iterator[PageView]:
    """One page view per page of ``items``; each gets ``items`` (its share) and ``pagination``.

    With ``drawn``, the template gets ``drawn(item)`` for each item of its share, worked out only
    when the page is drawn (a list of 20,000 entries need not hold them all at once).
    An empty list still gets its first page, which says that there is nothing yet.
    """
    count = max(1, -(-len(items) // per_page))
    for number in range(1, count + 1):
        url = page_url(base, number)
        share = list(items[(number - 1) * per_page : number * per_page])
        page_title = title if number == 1 else N_("%(title)s – Seite %(number)s von %(count)s", title=title, number=number, count=count)
        # Each page of a list describes itself, so search engines do not see n pages with one description.
        page_description = description if number == 1 else N_("%(description)s Seite %(number)s von %(count)s.", description=description, number=number, count=count)
        page_context = dict(context, items=share, total=len(items), pagination=pagination(base, number, count), heading=title)
        # A list's items are found on their own pages; the list itself is searched by its description.
        yield PageView(
            f"{url}index.md", url, page_title, page_description, template, source,
            page_context if drawn is None else _drawn_later(page_context, drawn), search_text=page_description,
        )


def _drawn_later(context: dict[str, Any], drawn: Callable[[Any], Any]) -> Callable[[], dict[str, Any]]:
    return lambda: dict(context, items=[drawn(item) for item in context["items"]])
