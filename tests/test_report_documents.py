"""Reports as documents: one bibliography, markers that link to it, valid HTML with contents and ids."""

import re
from html.parser import HTMLParser

import html5lib
import pytest

import bilateral
from bilateral.render import tables
from bilateral.render.report import report

ONE = [bilateral.datasets.load()]
TWO = [bilateral.datasets.load("russia-venezuela"), bilateral.datasets.load("russia-iran")]


class _Links(HTMLParser):
    """The ids, the in-page links and the external links of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.local: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        href = values.get("href")
        if tag == "a" and href:
            (self.local if href.startswith("#") else self.external).append(href)


@pytest.mark.parametrize("partnerships", [ONE, TWO], ids=["one", "comparison"])
class TestHtml:
    def test_is_valid_html5(self, partnerships: list[bilateral.Partnership]) -> None:
        page = report(partnerships, "html")
        parser = html5lib.HTMLParser(strict=True)
        parser.parse(page)  # raises on the first parse error
        assert not parser.errors

    def test_every_link_lands(self, partnerships: list[bilateral.Partnership]) -> None:
        links = _Links()
        links.feed(report(partnerships, "html"))
        assert len(links.ids) == len(set(links.ids)), "an id is used twice"
        missing = {href for href in links.local if href[1:] not in links.ids}
        assert not missing
        assert any(href.startswith("#source-") for href in links.local)
        assert "#sources-cited" in links.local  # the contents reach the bibliography

    def test_every_source_url_is_a_link(self, partnerships: list[bilateral.Partnership]) -> None:
        page = report(partnerships, "html")
        links = _Links()
        links.feed(page)
        listed = page[page.index('<h2 id="sources-cited">') :]
        urls = set(re.findall(r'<a href="(https?://[^"]+)">', listed))
        web = [
            s.url
            for p in partnerships
            for s in p.sources
            if s.url and s.url.startswith(("http://", "https://"))
        ]
        cited = {u for u in web if u in listed.replace("&amp;", "&")}
        assert cited
        assert {u.replace("&amp;", "&") for u in urls} >= cited


@pytest.mark.parametrize("partnerships", [ONE, TWO], ids=["one", "comparison"])
def test_one_bibliography(partnerships: list[bilateral.Partnership]) -> None:
    """Markdown: no table lists its own sources; every marker's number is in the one list at the end."""
    text = report(partnerships, "md")
    assert text.count("## Sources cited") == 1
    body, listed = text.split("## Sources cited")
    assert not re.search(r"^1\. ", body, re.M), "a table lists sources of its own"
    entries = re.findall(r"^(\d+)\. ", listed, re.M)
    assert entries == [str(n) for n in range(1, len(entries) + 1)]
    markers = [m for group in re.findall(r"<sup>([\d,]+)</sup>", body) for m in group.split(",")]
    assert markers
    assert {int(m) for m in markers} == set(range(1, len(entries) + 1))
    for group in re.findall(r"<sup>([\d,]+)</sup>", body):
        numbers = [int(n) for n in group.split(",")]
        assert numbers == sorted(numbers)


def test_a_single_table_keeps_its_footnotes() -> None:
    text = tables.render(tables.instruments(ONE[0]), "html")
    assert '<ol class="sources">' in text
    assert 'href="#russia-venezuela-instruments-source-1"' in text
    assert 'id="russia-venezuela-instruments-source-1"' in text


def test_comparisons_say_how_old_each_column_is() -> None:
    """The comparison names each partnership's day, its trade figures, and who takes part in which."""
    rows = {row[0]: row[1:] for row in tables.comparison(bilateral.compare(*TWO)).rows}
    assert rows["data as of"] == tuple(f"{p.data_as_of.day} {p.data_as_of:%b %Y}" for p in TWO)
    key = [{row[0]: row[1] for row in tables.overview(p).rows} for p in TWO]
    for figure in ("latest trade figure", "trade target", "growth the target needs"):
        assert rows[figure] == tuple(k[figure] for k in key)
    assert rows["trade target"][0] == "≈ $400m by 2030"
    assert rows["shared actor: Mir"] == ("takes part", "takes part")
    assert next(iter(rows)) == "data as of"


class TestEvidence:
    def test_every_citation_of_every_claim(self) -> None:
        """One row per citation of each claim record and of each alternative, excerpts verbatim."""
        p = ONE[0]
        table = tables.evidence(p)
        from bilateral.analysis.conflicts import records

        expected = sum(
            len(r.citations) + sum(len(a.citations) for a in getattr(r, "alternatives", ()))
            for _, r in records(p)
        )
        assert len(table.rows) == expected
        excerpts = {row[2] for row in table.rows}
        for _, record in records(p):
            for citation in record.citations:
                assert (citation.excerpt or "") in excerpts
        first = table.rows[0]
        assert first[1] == "as recorded"
        also = [row for row in table.rows if row[1].startswith("also claimed: signed")]
        assert also
        assert all(row[4] for row in table.rows)  # every row names its kind of source

    def test_reports_open_with_the_caveats_and_show_the_evidence(self) -> None:
        p = ONE[0]
        text = report(ONE, "md")
        assert text.index("## About the data") < text.index("## Key figures")
        assert p.description is not None
        assert p.description[:60] in text
        assert "## Evidence" in text
        assert "## Evidence" not in report(ONE, "md", evidence=False)
