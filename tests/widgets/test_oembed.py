"""oEmbed for a news item's page and a society's news page, only for this hub's own
addresses (parsed, never fetched), and the small HTML pages its iframes show."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from tests.feeds.world import HIDDEN, MARKUP, TENANT, FeedWorld

ARABIC_NAME = "الجمعية الولائية للشباب المتطوع بسطيف"


def oembed(world: FeedWorld, url: str, status: int = 200, **params: str) -> Any:
    query = "&".join(f"{k}={quote(v)}" for k, v in {"url": url, **params}.items())
    response = world.http.get(f"/oembed?{query}")
    assert response.status_code == status, response.text
    return response


def test_a_news_items_page(widgets: FeedWorld) -> None:
    global_id = widgets.news["news4"]
    answer = oembed(widgets, f"{widgets.base}/news/{global_id}?lang=ar")
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["cache-control"] == "public, max-age=300"
    body = answer.json()
    src = f"{widgets.base}/embed/news/{global_id}?lang=ar"
    assert body == {
        "version": "1.0", "type": "rich", "provider_name": "Tatawwu Hub",
        "provider_url": widgets.base, "author_name": ARABIC_NAME,
        "author_url": f"{widgets.base}/tenants/{TENANT}/news?lang=ar", "cache_age": 300,
        "title": widgets.titles["news4"]["ar"], "width": 480, "height": 360,
        "html": f'<iframe src="{src}" width="480" height="360" '
                f'title="{widgets.titles["news4"]["ar"]}" style="border:0;max-width:100%" '
                'loading="lazy" referrerpolicy="strict-origin" '
                'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'}
    small = oembed(widgets, f"{widgets.base}/news/{global_id}", maxwidth="300",
                   maxheight="200", format="json").json()
    assert (small["width"], small["height"]) == (300, 200)
    assert small["title"] == widgets.titles["news4"]["ar"]  # the society's default language
    assert f'src="{widgets.base}/embed/news/{global_id}?lang=ar"' in small["html"]


def test_a_societys_news_page(widgets: FeedWorld) -> None:
    body = oembed(widgets, f"{widgets.base}/tenants/{TENANT}/news/?lang=fr&limit=3").json()
    assert body["type"] == "rich" and body["author_name"].startswith("Association de wilaya")
    assert "Association de wilaya" in body["title"]
    assert f'src="{widgets.base}/embed/tenants/{TENANT}/news?lang=fr&amp;limit=3"' \
        in body["html"]


def test_markup_is_escaped(widgets: FeedWorld) -> None:
    body = oembed(widgets, f"{widgets.base}/news/{widgets.news['markup']}").json()
    assert body["title"] == MARKUP
    assert "<img" not in body["html"] and "&lt;img src=x" in body["html"]
    for path in (f"/news/{widgets.news['markup']}", f"/embed/tenants/{TENANT}/news?limit=20",
                 f"/tenants/{TENANT}/news.atom"):
        page = widgets.http.get(path).text
        assert "<img" not in page and "<b>" not in page, path
        assert "&lt;img src=x onerror=" in page


@pytest.mark.parametrize("url", [
    "https://evil.example/news/{id}",  # another site
    "http://127.0.0.1:8001/news/{id}",  # another port
    "https://127.0.0.1:8000/news/{id}",  # another scheme
    "http://127.0.0.1:8000@evil.example/news/{id}",  # userinfo tricks
    "http://evil.example#@127.0.0.1:8000/news/{id}",
    "//127.0.0.1:8000/news/{id}",
    "file:///etc/passwd",
    "not a url at all",
])
def test_addresses_of_other_sites_are_refused(widgets: FeedWorld, url: str) -> None:
    refused = oembed(widgets, url.format(id=widgets.news["news0"]), 404)
    [error] = refused.json()["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "http://127.0.0.1:8000" in error["message"]


def test_what_is_not_a_public_news_page_is_refused(widgets: FeedWorld) -> None:
    base = widgets.base
    for url in [*(f"{base}/news/{widgets.news[f'hidden_{name}']}" for name in HIDDEN),
                f"{base}/news/{widgets.events['training']}", f"{base}/news/nonsense",
                f"{base}/tenants/no-such-society/news", f"{base}/graphql",
                f"{base}/feeds/news.atom"]:
        [error] = oembed(widgets, url, 404).json()["errors"]
        assert error["extensions"]["code"] == "NOT_FOUND", url
    missing = widgets.http.get("/oembed")
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["extensions"]["argument"] == "url"
    xml = widgets.http.get(f"/oembed?url={quote(base)}/news/x&format=xml")
    assert xml.status_code == 501


def test_the_pages_discover_oembed_and_read_right_to_left(widgets: FeedWorld) -> None:
    global_id = widgets.news["news4"]
    for path in (f"/news/{global_id}?lang=ar", f"/embed/news/{global_id}?lang=ar"):
        page = widgets.http.get(path)
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        html = page.text
        assert '<html lang="ar" dir="rtl">' in html
        own = quote(f"{widgets.base}/news/{global_id}?lang=ar", safe="")
        assert re.search(r'<link rel="alternate" type="application/json\+oembed" '
                         rf'href="{re.escape(widgets.base)}/oembed\?url={own}&amp;format=json"',
                         html)
        assert widgets.titles["news4"]["ar"] in html
        assert "<script" not in html and "http://" not in _outside_links(html)
        policy = page.headers["content-security-policy"]
        assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "frame-ancestors *" in widgets.http.get(
        f"/embed/news/{global_id}").headers["content-security-policy"]
    assert "frame-ancestors 'self'" in widgets.http.get(
        f"/news/{global_id}").headers["content-security-policy"]
    # A text the chain served in another language says so.
    fallback = widgets.http.get(f"/embed/news/{widgets.news['french_only']}?lang=ar").text
    assert '<h1 lang="fr" dir="ltr">' in fallback


def test_a_societys_pages(widgets: FeedWorld) -> None:
    page = widgets.http.get(f"/tenants/{TENANT}/news?lang=fr&limit=3").text
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', page)
    assert titles == [widgets.titles[n]["fr"] for n in ("news4", "news3", "news2")]
    assert f'href="{widgets.base}/tenants/{TENANT}/news.atom?lang=fr"' in page
    embed = widgets.http.get(f"/embed/tenants/{TENANT}/news?lang=ar&limit=2").text
    assert embed.count("<li>") == 2 and 'target="_blank" rel="noopener"' in embed
    prelude = 1 if widgets.backend == "postgresql" else 0
    assert widgets.statements(f"/embed/tenants/{TENANT}/news?limit=2") == prelude + 2
    assert widgets.statements(f"/tenants/{TENANT}/news?limit=7") == prelude + 2
    assert widgets.statements(f"/news/{widgets.news['news2']}") == prelude + 2


def test_pages_of_hidden_records_are_not_found(widgets: FeedWorld) -> None:
    for name in HIDDEN:
        for prefix in ("/news/", "/embed/news/"):
            response = widgets.http.get(prefix + widgets.news[f"hidden_{name}"])
            assert response.status_code == 404, (name, prefix)
    assert widgets.http.get("/tenants/no-such-society/news").status_code == 404
    assert widgets.http.get(f"/tenants/{TENANT}/news?lang=de").status_code == 400


def test_pages_answer_conditional_gets(widgets: FeedWorld) -> None:
    path = f"/embed/news/{widgets.news['news1']}?lang=fr"
    tag = widgets.http.get(path).headers["etag"]
    assert widgets.http.get(path, headers={"If-None-Match": tag}).status_code == 304


def _outside_links(html: str) -> str:
    """What the page would load (src=, stylesheets), as opposed to the links it shows."""
    return " ".join(re.findall(r'(?:src|@import)\s*=?\s*"?([^" >]+)', html))
