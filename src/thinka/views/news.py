"""News posts (Aktuelles): listing, archives, per-site and per-topic pages, post pages, Atom feeds.

Every list is paginated (:mod:`thinka.views.paging`), so no page grows with the number of posts.
Addresses:

- ``aktuelles/`` all posts, newest first; ``aktuelles/<name>/`` one post (``news/<name>.md``)
- ``aktuelles/archiv/`` years and months; ``aktuelles/archiv/<JJJJ>/`` and ``…/<JJJJ>/<MM>/``
- ``aktuelles/standorte/<slug>/`` a site's posts; ``aktuelles/koordinierungsstelle/``
- ``aktuelles/themen/<thema>/`` a topic's posts
- ``aktuelles/atom.xml`` and ``…/standorte/<slug>/atom.xml``: Atom feeds (RFC 4287)
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from thinka.data.dataset import Dataset, Post
from thinka.data.dates import MONTHS
from thinka.data.news_events import image_name, image_source
from thinka.data.settings import Settings
from thinka.data.text import plain_summary, render_markdown
from thinka.data.vocabulary import COORDINATION, TOPICS
from thinka.exports import atom as feeds
from thinka.exports.atom import FeedEntry

from .common import Fragment, PageView, owner_link, owner_url, relative_link
from .paging import paged_views

NEWS_URL = "aktuelles/"
ARCHIVE_URL = f"{NEWS_URL}archiv/"
PER_PAGE = 10
ON_SITE_PAGE = 3  # latest posts on a site page and on the start page
FEED_ENTRIES = 50  # newest posts in a feed


def post_url(name: str) -> str:
    return f"{NEWS_URL}{name}/"


def owner_news_url(owner: str) -> str:
    return owner_url(NEWS_URL, owner)


def topic_url(key: str) -> str:
    return f"{NEWS_URL}themen/{key}/"


def media_url(name: str) -> str:
    """Where an image named in a post (relative to ``news/``) is published."""
    plain = image_name(name)
    if plain is None:  # validation refuses it; never an address outside the folder
        raise ValueError(f"Bildname außerhalb des Ordners: {name!r}")
    return NEWS_URL + plain


class News:
    """The posts of a dataset, newest first, grouped once for all pages of a build."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._teasers: dict[str, dict[str, Any]] = {}
        self._bodies: dict[str, str] = {}
        self.posts: list[tuple[str, Post]] = sorted(
            ((name, located.record) for name, located in dataset.posts.items()),
            key=lambda item: (item[1].meta.datum.first, item[0]),
            reverse=True,
        )
        self.by_owner: dict[str, list[tuple[str, Post]]] = defaultdict(list)
        self.by_topic: dict[str, list[tuple[str, Post]]] = defaultdict(list)
        self.by_month: dict[tuple[int, int], list[tuple[str, Post]]] = defaultdict(list)
        for item in self.posts:
            meta = item[1].meta
            for owner in meta.standorte:
                self.by_owner[owner].append(item)
            for topic in meta.themen:
                self.by_topic[topic].append(item)
            self.by_month[(meta.datum.year, meta.datum.month)].append(item)  # type: ignore[index]

    def teaser(self, name: str, post: Post) -> dict[str, Any]:
        """What a list shows of a post: title, date, who, topics, one or two sentences."""
        if name not in self._teasers:  # a post appears in up to six lists: render its summary once
            self._teasers[name] = self._teaser(name, post)
        return dict(self._teasers[name])

    def _teaser(self, name: str, post: Post) -> dict[str, Any]:
        meta = post.meta
        return {
            "name": name,
            "title": meta.titel,
            "url": post_url(name),
            "date_iso": meta.datum.iso(),
            "date_label": meta.datum.german(),
            "owners": [dict(owner_link(self.dataset, o), news_url=owner_news_url(o)) for o in meta.standorte],
            "topics": [{"key": t, "label": TOPICS[t], "url": topic_url(t)} for t in meta.themen],
            "summary": meta.zusammenfassung or plain_summary(self.body_html(name, post)),
            "image": {"src": media_url(meta.bild.datei), "alt": meta.bild.alt} if meta.bild else None,
        }

    def body_html(self, name: str, post: Post) -> str:
        """The post's text as HTML, links relative to the post page (used by the page and every feed)."""
        if name not in self._bodies:
            url = post_url(name)
            self._bodies[name] = render_markdown(post.body, shift_headings=0, link=lambda target: relative_link(url, target))
        return self._bodies[name]

    def teasers(self, items: list[tuple[str, Post]]) -> list[dict[str, Any]]:
        return [self.teaser(name, post) for name, post in items]

    def site_section(self, owner: str) -> dict[str, Any]:
        """The latest posts of a site (or the coordination office) for its page."""
        items = self.by_owner.get(owner, [])
        return {
            "posts": self.teasers(items[:ON_SITE_PAGE]),
            "total": len(items),
            "all_url": owner_news_url(owner),
            "feed_url": owner_news_url(owner) + "atom.xml",
        }


# ------------------------------------------------------------------ pages
def news_pages(dataset: Dataset, settings: Settings) -> Iterator[PageView]:
    news = News(dataset)
    topics = [{"key": k, "label": label, "url": topic_url(k), "count": len(news.by_topic[k])} for k, label in TOPICS.items() if news.by_topic.get(k)]
    common = {"topics": topics, "archive_url": ARCHIVE_URL, "news_url": NEWS_URL, "owner": None, "feed_url": f"{NEWS_URL}atom.xml"}
    yield from paged_views(
        news.teasers(news.posts),
        base=NEWS_URL,
        per_page=PER_PAGE,
        title="Aktuelles",
        description="Neuigkeiten aus den ThINKA-Standorten und von der Koordinierungsstelle, die neuesten zuerst.",
        template="news-list.html",
        context=dict(common, lead="Neuigkeiten aus den ThINKA-Standorten und von der Koordinierungsstelle. Die neuesten stehen oben."),
    )
    for owner, items in news.by_owner.items():
        who = owner_link(dataset, owner)
        yield from paged_views(
            news.teasers(items),
            base=owner_news_url(owner),
            per_page=PER_PAGE,
            title=f"Aktuelles: {who['name']}",
            description=f"Meldungen von {who['name']}, die neuesten zuerst.",
            template="news-list.html",
            context=dict(common, owner=who, feed_url=owner_news_url(owner) + "atom.xml", lead=f"Alle Meldungen von {who['name']}. Die neuesten stehen oben."),
        )
    for key, items in news.by_topic.items():
        yield from paged_views(
            news.teasers(items),
            base=topic_url(key),
            per_page=PER_PAGE,
            title=f"Thema: {TOPICS[key]}",
            description=f"ThINKA-Meldungen zum Thema {TOPICS[key]}, die neuesten zuerst.",
            template="news-list.html",
            context=dict(common, lead=f"Alle Meldungen zum Thema „{TOPICS[key]}“. Die neuesten stehen oben."),
        )
    yield from _archive_pages(news, common)
    for name, post in news.posts:
        yield _post_page(news, name, post)


def _archive_pages(news: News, common: dict[str, Any]) -> Iterator[PageView]:
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for (year, month), items in sorted(news.by_month.items(), reverse=True):
        years[year].append({"label": MONTHS[month - 1], "url": f"{ARCHIVE_URL}{year}/{month:02d}/", "count": len(items)})
    yield PageView(
        f"{ARCHIVE_URL}index.md",
        ARCHIVE_URL,
        "Archiv der Meldungen",
        "Alle ThINKA-Meldungen nach Jahr und Monat.",
        "news-archive.html",
        None,
        {"years": [{"year": y, "url": f"{ARCHIVE_URL}{y}/", "count": sum(m["count"] for m in months), "months": months} for y, months in years.items()], "news_url": NEWS_URL},
        search_text="Alle ThINKA-Meldungen nach Jahr und Monat.",
    )
    by_year: dict[int, list[tuple[str, Post]]] = defaultdict(list)
    for name, post in news.posts:
        by_year[post.meta.datum.year].append((name, post))
    for year, items in by_year.items():
        yield from paged_views(
            news.teasers(items), base=f"{ARCHIVE_URL}{year}/", per_page=PER_PAGE, title=f"Meldungen aus dem Jahr {year}",
            description=f"ThINKA-Meldungen aus dem Jahr {year}.", template="news-list.html",
            context=dict(common, lead=f"Alle Meldungen aus dem Jahr {year}, die neuesten zuerst."),
        )
    for (year, month), items in news.by_month.items():
        label = f"{MONTHS[month - 1]} {year}"
        yield from paged_views(
            news.teasers(items), base=f"{ARCHIVE_URL}{year}/{month:02d}/", per_page=PER_PAGE, title=f"Meldungen aus dem {label}",
            description=f"ThINKA-Meldungen aus dem {label}.", template="news-list.html",
            context=dict(common, lead=f"Alle Meldungen aus dem {label}."),
        )


def _post_page(news: News, name: str, post: Post) -> PageView:
    url = post_url(name)
    context = news.teaser(name, post)
    context["body_html"] = news.body_html(name, post)
    context["news_url"] = NEWS_URL
    context["archive_url"] = f"{ARCHIVE_URL}{post.meta.datum.year}/{post.meta.datum.month:02d}/"
    context["archive_label"] = post.meta.datum.month_year()
    return PageView(f"{url}index.md", url, post.meta.titel, context["summary"], "news-post.html", news.dataset.posts[name].doc.path, context)


def home_fragment(dataset: Dataset, settings: Settings) -> Fragment:
    """The latest posts across all sites, for the start page (``<!-- thinka:aktuelles -->``)."""
    news = News(dataset)
    return Fragment("home-news.html", {"posts": news.teasers(news.posts[:ON_SITE_PAGE]), "news_url": NEWS_URL, "feed_url": f"{NEWS_URL}atom.xml"})


# ------------------------------------------------------------------ files: feeds and images
def news_files(dataset: Dataset, settings: Settings) -> Iterator[tuple[str, str | bytes]]:
    news = News(dataset)
    yield f"{NEWS_URL}atom.xml", atom_feed(news, news.posts, settings, f"{settings.site_name} – Aktuelles", NEWS_URL, f"{NEWS_URL}atom.xml")
    for owner in [*dataset.sites, COORDINATION]:
        who = owner_link(dataset, owner)
        items = news.by_owner.get(owner, [])
        page = owner_news_url(owner) if items else who["url"]
        yield owner_news_url(owner) + "atom.xml", atom_feed(news, items, settings, f"{who['name']} – Aktuelles", page, owner_news_url(owner) + "atom.xml")
    published: set[str] = set()
    for located in dataset.posts.values():
        image = located.record.meta.bild
        source = image_source(dataset.data_dir / "news", image.datei) if image is not None else None
        if source is not None and media_url(image.datei) not in published:  # checked: it is there
            published.add(media_url(image.datei))
            yield media_url(image.datei), source.read_bytes()


def atom_feed(news: News, items: list[tuple[str, Post]], settings: Settings, title: str, page_url: str, feed_url: str) -> str:
    """The Atom feed of the newest ``items`` (at most FEED_ENTRIES)."""
    entries = []
    for name, post in items[:FEED_ENTRIES]:
        teaser = news.teaser(name, post)
        entries.append(
            FeedEntry(
                url=teaser["url"],
                title=post.meta.titel,
                day=post.meta.datum.first,
                summary=teaser["summary"],
                content_html=news.body_html(name, post),
                authors=[owner["name"] for owner in teaser["owners"]],
                categories=[(topic["key"], topic["label"]) for topic in teaser["topics"]],
            )
        )
    return feeds.atom_feed(settings, title, page_url, feed_url, entries)
