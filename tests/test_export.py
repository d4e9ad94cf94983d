"""Data out: tidy tables that Frictionless, DuckDB, pandas and polars read with their meaning intact."""

import contextlib
import csv
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import typing
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import duckdb
import frictionless
import pytest
from hypothesis import HealthCheck, given, settings

import bilateral
from bilateral.analysis.conflicts import records
from bilateral.cli import main
from bilateral.errors import MissingExtraError
from bilateral.export import layout, tables, to_arrow, to_pandas, to_polars, write
from bilateral.model.sources import AlternativeClaim
from bilateral.testing import datasets
from tests.conftest import REPO
from tests.tidy_tables import render

BUNDLE = bilateral.datasets.bundle()
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*.yaml") if p.name != "broken-partnership.yaml")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def bundle_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    code, out, err = _run("export", "--to", str(folder))
    assert (code, err) == (0, "")
    assert (
        out
        == f"wrote {len(layout())} csv tables of 6 partnerships into {folder}, described by datapackage.json\n"
    )
    return folder


@pytest.fixture(scope="module")
def bundle_parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    assert _run("export", "--to", str(folder), "--format", "parquet")[0] == 0
    return folder


class TestFrictionless:
    def test_the_bundled_data_validates(self, bundle_csv: Path) -> None:
        """`frictionless validate` passes on the whole bundle, every table and every row checked."""
        report = frictionless.validate(bundle_csv / "datapackage.json")
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
        assert len(report.tasks) == len(layout())
        rows = sum(task.stats.get("rows", 0) for task in report.tasks)
        assert rows == sum(len(t.rows) for t in tables(BUNDLE).values()) > 1000

    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
    def test_every_example_validates(self, path: Path, tmp_path: Path) -> None:
        assert _run("export", str(path), "--to", str(tmp_path))[0] == 0
        report = frictionless.validate(tmp_path / "datapackage.json")
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]

    def test_the_command_users_type(self, bundle_csv: Path) -> None:
        """The frictionless command, as the export's help says to run it."""
        ran = subprocess.run(
            [str(Path(sys.executable).parent / "frictionless"), "validate", "datapackage.json"],
            cwd=bundle_csv,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert ran.returncode == 0, ran.stdout[-3000:]
        assert "VALID" in ran.stdout
        assert "INVALID" not in ran.stdout

    def test_a_broken_foreign_key_is_reported(self, bundle_csv: Path, tmp_path: Path) -> None:
        """A citation planted with a source the partnership lacks: the row, the key and the value are named."""
        for path in bundle_csv.iterdir():
            (tmp_path / path.name).write_bytes(path.read_bytes())
        rows = _read_csv(tmp_path, "citations")
        rows[3]["source"] = "no-such-source"
        with (tmp_path / "citations.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        report = frictionless.validate(tmp_path / "datapackage.json")
        assert not report.valid
        assert [task.name for task in report.tasks if not task.valid] == ["citations"]
        errors = report.flatten(["rowNumber", "type", "note"])
        assert errors == [
            [
                5,  # the header is row 1
                "foreign-key",
                f'for "partnership, source": values "{rows[3]["partnership"]}, no-such-source" '
                'not found in the lookup table "sources" as "partnership, id"',
            ]
        ]

    def test_the_descriptor_is_data_package_v2(self, bundle_csv: Path) -> None:
        package = json.loads((bundle_csv / "datapackage.json").read_text(encoding="utf-8"))
        assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
        for resource in package["resources"]:
            assert resource["type"] == "table"
            assert resource["$schema"] == "https://datapackage.org/profiles/2.0/dataresource.json"
            schema = resource["schema"]
            assert schema["missingValues"] == [""]
            assert schema["primaryKey"]
            for field in schema["fields"]:
                if "categories" in field:
                    values = [c["value"] for c in field["categories"]]
                    assert values == field["constraints"]["enum"]
                    assert all(c["label"] for c in field["categories"])
        instruments = next(r for r in package["resources"] if r["name"] == "instruments")
        status = next(f for f in instruments["schema"]["fields"] if f["name"] == "status")
        assert [c["value"] for c in status["categories"]] == [s.value for s in bilateral.Status]
        assert {
            "fields": ["partnership", "part_of"],
            "reference": {"resource": "instruments", "fields": ["partnership", "id"]},
        } not in instruments["schema"]["foreignKeys"]
        assert {
            "fields": ["part_of"],
            "reference": {"resource": "instruments", "fields": ["id"]},
        } in instruments["schema"]["foreignKeys"]

    def test_a_partial_date_is_never_typed_as_a_date(self, bundle_csv: Path) -> None:
        """frictionless reads `signed` as text, and its bounds as the days the text allows."""
        package = frictionless.Package(bundle_csv / "datapackage.json")
        resource = package.get_resource("instruments")
        rows = resource.read_rows()
        partial = [r for r in rows if r["signed"] is not None and len(r["signed"]) < 10]
        assert partial, "the bundle has instruments signed in a month or a year"
        for row in partial:
            date = bilateral.PartialDate.parse(row["signed"])
            assert (row["signed_earliest"], row["signed_latest"]) == (date.earliest, date.latest)
        types = {f.name: f.type for f in resource.schema.fields}
        assert types["signed"] == "string"
        assert types["signed_earliest"] == types["signed_latest"] == "date"


class TestTheTables:
    def test_keys_are_unique_and_links_resolve(self) -> None:
        found = tables(BUNDLE)
        keys = {}
        for table in found.values():
            index = [table.columns.index(table.column(c)) for c in table.primary_key]
            seen = [tuple(row[i] for i in index) for row in table.rows]
            assert len(seen) == len(set(seen)), table.name
            keys[table.name] = set(seen)
        for table in found.values():
            for key in table.foreign_keys:
                index = [table.columns.index(table.column(c)) for c in key.fields]
                target = found[key.resource]
                wanted = [target.columns.index(target.column(c)) for c in key.reference]
                known = {tuple(row[i] for i in wanted) for row in target.rows}
                for row in table.rows:
                    value = tuple(row[i] for i in index)
                    assert value in known or None in value, (table.name, key, value)
        # An optional id, linked by the id alone in the descriptor, names a row of its own partnership.
        for row in found["instruments"].dicts():
            if row["provider"] is not None:
                assert (row["partnership"], row["provider"]) in keys["actors"]

    def test_money_is_exact_and_unknown_is_empty(self, bundle_csv: Path) -> None:
        rows = {(r["partnership"], r["id"]): r for r in _read_csv(bundle_csv, "instruments")}
        for p in (BUNDLE.partnership(pid) for pid in BUNDLE.ids()):
            for instrument in p.instruments:
                row = rows[(p.id, instrument.id)]
                if instrument.value is None:
                    assert (row["value_amount"], row["value_currency"], row["value_qualifier"]) == (
                        "",
                        "",
                        "",
                    )
                else:
                    assert Decimal(row["value_amount"]) == instrument.value.amount
                    assert "E" not in row["value_amount"]
                    assert row["value_qualifier"] == instrument.value.qualifier.value
                assert row["ends"] == ("" if instrument.ends is None else instrument.ends.edtf())

    def test_shared_records_come_with_each_partnership(self) -> None:
        found = tables(BUNDLE)
        shared = {(r["partnership"], r["id"]) for r in found["sanction_measures"].dicts() if r["shared"]}
        for pid in BUNDLE.ids():
            p = BUNDLE.partnership(pid)
            own = {m.id for m in next(x for x in BUNDLE.partnerships if x.id == pid).sanctions}
            assert {i for (q, i) in shared if q == pid} == {m.id for m in p.sanctions} - own

    def test_every_field_of_every_record_has_a_place(self) -> None:
        """A field added to the model appears in the tables: as a column, a link table or a pooled table."""
        names = {t.name: {c.name for c in t.columns} for t in layout()}
        every = set().union(*names.values())
        classes = _record_classes()
        for cls in classes:
            for field in attrs.fields(cls):
                placed = (
                    field.name in every
                    or any(c.startswith(f"{field.name}_") for c in every)
                    or any(t.endswith(f"_{field.name}") for t in names)
                    or field.name in POOLED_OR_CHILDREN
                )
                assert placed, f"{cls.__name__}.{field.name} has no column"

    def test_alternatives_keep_their_typed_value(self) -> None:
        found = tables(BUNDLE)
        rows = list(found["alternatives"].dicts())
        assert len(rows) == sum(
            len(r.alternatives) for p in map(BUNDLE.partnership, BUNDLE.ids()) for _, r in records(p)
        )
        dated = [r for r in rows if r["field"] == "signed"]
        assert dated
        assert all(
            r["value_earliest"] == bilateral.PartialDate.parse(str(r["value"])).earliest for r in dated
        )
        p = bilateral.datasets.load()
        figure = p.trade.figures[0]
        claim = AlternativeClaim(
            "value", bilateral.Money(Decimal("3.2E9"), "USD"), (bilateral.Citation(p.sources[0].id),)
        )
        claimed = attrs.evolve(figure, alternatives=(claim,))
        mine = attrs.evolve(p, trade=attrs.evolve(p.trade, figures=(claimed, *p.trade.figures[1:])))
        (row,) = (r for r in tables(mine)["alternatives"].dicts() if r["record_type"] == "trade_figures")
        assert (row["record_type"], row["record"], row["field"]) == ("trade_figures", figure.id, "value")
        written = json.loads(str(row["value"]))  # as the file writes it
        assert (Decimal(written["amount"]), written["currency"]) == (Decimal("3200000000"), "USD")

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(datasets(min_partnerships=1))
    def test_counts_of_any_dataset(self, dataset: bilateral.Dataset) -> None:
        """Rows per table are the records the model holds, for any valid dataset."""
        found = tables(dataset)
        resolved = [dataset.partnership(pid) for pid in dataset.ids()]
        assert len(found["instruments"].rows) == sum(len(p.instruments) for p in resolved)
        assert len(found["milestones"].rows) == sum(
            len(i.milestones) for p in resolved for i in p.instruments
        )
        assert len(found["confirmations"].rows) == sum(
            len(m.confirmed) for p in resolved for m in p.sanctions
        )
        assert len(found["sources"].rows) == sum(len(p.sources) for p in resolved)
        claims = [c for p in resolved for _, r in records(p) for c in r.alternatives]
        assert len(found["alternatives"].rows) == len(claims)
        assert all(isinstance(c, AlternativeClaim) for c in claims)
        cited = sum(1 for row in found["citations"].rows if row[3] == "citations")
        assert cited == sum(len(r.citations) for p in resolved for _, r in records(p)) + sum(
            len(a.citations) for p in resolved for a in p.actors
        )
        for table in found.values():
            for column_index, column in enumerate(table.columns):
                if column.required:
                    assert all(row[column_index] is not None for row in table.rows), (table.name, column.name)


# Lists of records, each a table of its own (named after the record, not the field).
POOLED_OR_CHILDREN = {"citations", "alternatives", "quantities", "milestones", "targets", "confirmed"}
POOLED_OR_CHILDREN |= {
    "sources",
    "actors",
    "sanctions",
    "instruments",
    "debts",
    "disruptions",
    "figures",
    "changes",
}
POOLED_OR_CHILDREN |= {"trade", "parties"}  # trade_* tables; party_1 and party_2


class TestAnyDataset:
    """Properties over generated datasets: every valid dataset exports to a valid, faithful package."""

    @settings(
        max_examples=6,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(datasets(min_partnerships=1))
    def test_frictionless_accepts_it(self, dataset: bilateral.Dataset) -> None:
        with tempfile.TemporaryDirectory() as folder:
            write(dataset, folder)
            report = frictionless.validate(Path(folder) / "datapackage.json")
            assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]

    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(datasets(min_partnerships=1))
    def test_arrow_holds_every_cell(self, dataset: bilateral.Dataset) -> None:
        """Every cell reaches Arrow as it was (decimals exact), or the export says which column cannot."""
        found = tables(dataset)
        if any(
            _digits(table, n) > 38
            for table in found.values()
            for n, c in enumerate(table.columns)
            if c.type == "number"
        ):
            with pytest.raises(ValueError, match="more than the 38 of Parquet's decimals"):
                to_arrow(dataset)
            return
        arrow = to_arrow(dataset)
        for name, table in found.items():
            assert arrow[name].to_pylist() == list(table.dicts()), name


def _digits(table: bilateral.export.Table, index: int) -> int:
    """The digits a decimal column needs: the most before the point plus the most after it."""
    whole = places = 0
    for row in table.rows:
        cell = row[index]
        if isinstance(cell, Decimal):
            sign_digits_exponent = cell.as_tuple()
            exponent = int(sign_digits_exponent.exponent)
            whole = max(whole, len(sign_digits_exponent.digits) + exponent)
            places = max(places, -exponent)
    return whole + places


def _record_classes() -> list[type]:
    """Every record class a dataset can hold, found through the model's type hints."""
    found: list[type] = []
    todo: list[Any] = [bilateral.Partnership]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and attrs.has(t):
            if t in found:
                continue
            found.append(t)
            todo.extend(typing.get_type_hints(t).values())
        else:
            todo.extend(typing.get_args(t))
    return [t for t in found if t not in (bilateral.PartialDate, bilateral.Period, bilateral.Money)]


class TestParquet:
    def test_duckdb_reads_the_types(self, bundle_parquet: Path) -> None:
        sql_type = {
            "string": "VARCHAR",
            "integer": "BIGINT",
            "number": "DECIMAL(38,9)",
            "boolean": "BOOLEAN",
            "date": "DATE",
        }
        for table in layout():
            described = duckdb.sql(
                f"DESCRIBE SELECT * FROM '{bundle_parquet / table.name}.parquet'"
            ).fetchall()
            assert [(row[0], row[1]) for row in described] == [
                (c.name, sql_type[c.type]) for c in table.columns
            ]

    def test_duckdb_compares_like_compare(self, bundle_parquet: Path) -> None:
        """Instruments per area and partnership, counted in SQL, are `bilateral compare`'s counts."""
        counted = duckdb.sql(
            f"SELECT partnership, area, count(*) FROM '{bundle_parquet}/instrument_areas.parquet' GROUP BY ALL"
        ).fetchall()
        partnerships = [BUNDLE.partnership(pid) for pid in BUNDLE.ids()]
        comparison = bilateral.compare(*partnerships)
        expected = {
            (p.id, row.area.value, cell.instruments)
            for row in comparison.areas
            for p, cell in zip(partnerships, row.cells, strict=True)
            if cell.instruments
        }
        assert set(counted) == expected

    def test_values_match_the_csv(self, bundle_parquet: Path) -> None:
        found = tables(BUNDLE)
        for name in ("instruments", "debts", "trade_changes", "confirmations"):
            read = duckdb.sql(f"SELECT * FROM '{bundle_parquet / name}.parquet'").fetchall()
            assert read == [tuple(row) for row in found[name].rows]

    @pytest.mark.parametrize(
        ("amount", "sql_type"),
        [
            ("1.0000000001", "DECIMAL(38,10)"),  # more places than a file may hold, built in Python
            ("99999999999999999999.99999999", "DECIMAL(38,9)"),  # the largest a file may hold
            ("200000000", "DECIMAL(38,9)"),
        ],
    )
    def test_decimals_are_never_rounded(self, amount: str, sql_type: str, tmp_path: Path) -> None:
        """A column whose values need another scale than DECIMAL(38, 9)'s gets it, and is not rounded."""
        p = bilateral.datasets.load()
        figure = p.trade.figures[0]
        assert figure.value is not None
        big = attrs.evolve(figure, value=attrs.evolve(figure.value, amount=Decimal(amount)))
        odd = attrs.evolve(p, trade=attrs.evolve(p.trade, figures=(big, *p.trade.figures[1:])))
        write(odd, tmp_path, "parquet")
        parquet = tmp_path / "trade_figures.parquet"
        (described,) = list(duckdb.sql(f"DESCRIBE SELECT value_amount FROM '{parquet}'").fetchall())
        assert described[1] == sql_type
        (read,) = duckdb.sql(f"SELECT value_amount FROM '{parquet}' WHERE id = '{figure.id}'").fetchall()
        assert read[0] == Decimal(amount)

    def test_a_number_past_38_digits_is_refused(self, tmp_path: Path) -> None:
        p = bilateral.datasets.load()
        figure = p.trade.figures[0]
        assert figure.value is not None
        fine = Decimal("1." + "0" * 40 + "1")  # 41 places: built in Python, never read from a file
        big = attrs.evolve(figure, value=attrs.evolve(figure.value, amount=fine))
        odd = attrs.evolve(p, trade=attrs.evolve(p.trade, figures=(big, *p.trade.figures[1:])))
        with pytest.raises(
            ValueError, match=r"trade_figures, value_amount: its values need 42 digits, more than the 38"
        ):
            write(odd, tmp_path, "parquet")
        assert not (tmp_path / "datapackage.json").exists()


class TestDataFrames:
    def test_pandas_columns_are_typed(self) -> None:
        frames = to_pandas(BUNDLE)
        assert set(frames) == {t.name for t in layout()}
        kinds = {
            "string": "string",
            "integer": "int64",
            "number": "decimal128(38, 9)",
            "boolean": "bool",
            "date": "date32[day]",
        }
        for table in layout():
            frame = frames[table.name]
            assert [str(t) for t in frame.dtypes] == [f"{kinds[c.type]}[pyarrow]" for c in table.columns]
        figures = frames["trade_figures"]
        assert figures["value_amount"].iloc[0] == Decimal("200000000")
        assert figures["period_start_earliest"].iloc[0] == dt.date(2024, 1, 1)

    def test_polars(self) -> None:
        frames = to_polars(BUNDLE)
        instruments = frames["instruments"]
        assert instruments.height == len(tables(BUNDLE)["instruments"].rows)
        assert str(instruments.schema["signed_earliest"]) == "Date"

    @pytest.mark.parametrize("module", ["pyarrow", "pandas"])
    def test_pandas_without_its_extra(self, module: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas or pyarrow, the error names the extra that brings both."""
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(MissingExtraError, match=rf"needs {module}, .* pip install 'bilateral\[pandas\]'"):
            to_pandas(BUNDLE)

    def test_parquet_without_its_extra(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """The command says which extra to install, and writes nothing."""
        import bilateral.io.arrow

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        bilateral.io.arrow._types.cache_clear()
        try:
            code, out, err = _run("export", "--to", str(tmp_path / "out"), "--format", "parquet")
        finally:
            bilateral.io.arrow._types.cache_clear()
        assert (code, out) == (1, "")
        assert err == (
            "bilateral: Parquet export needs pyarrow, which is not installed; install bilateral "
            "with the 'parquet' extra: pip install 'bilateral[parquet]'\n"
        )
        assert not (tmp_path / "out").exists()


class TestCommandLine:
    def test_one_bundled_partnership(self, tmp_path: Path) -> None:
        code, out, _ = _run("export", "russia-iran", "--to", str(tmp_path / "new"))
        assert code == 0
        assert out.startswith(f"wrote {len(layout())} csv tables of 1 partnership into ")
        assert {r["id"] for r in _read_csv(tmp_path / "new", "partnerships")} == {"russia-iran"}

    def test_an_unknown_name(self, tmp_path: Path) -> None:
        code, out, err = _run("export", "russia-atlantis", "--to", str(tmp_path))
        assert (code, out) == (1, "")
        assert err.startswith("bilateral: 'russia-atlantis' is neither a bundled dataset (russia-venezuela, ")

    def test_a_bad_file_lists_its_problems(self, tmp_path: Path) -> None:
        code, out, err = _run(
            "export", str(REPO / "examples" / "broken-partnership.yaml"), "--to", str(tmp_path / "out")
        )
        assert (code, out) == (1, "")
        assert err.splitlines()[:2] == [
            f"{REPO / 'examples' / 'broken-partnership.yaml'}:8:11: $.sources[0].kind: 'state media' is not a "
            "valid source kind (expected one of: official, wire, state_media, independent_media, law_firm, "
            "academic, company, ngo, other)",
            f"{REPO / 'examples' / 'broken-partnership.yaml'}:10:54: $.actors[0].country: 'RU' is not an "
            "ISO 3166-1 alpha-3 country code",
        ]
        assert not (tmp_path / "out").exists()

    def test_needs_a_folder(self) -> None:
        with pytest.raises(SystemExit) as exit:
            _run("export")
        assert exit.value.code == 2


class TestMeaning:
    """The exported CSVs alone rebuild what `summarize` counts, for every bundled partnership."""

    @pytest.mark.parametrize("pid", BUNDLE.ids())
    def test_summary_counts_from_the_csv(self, pid: str, bundle_csv: Path) -> None:
        summary = bilateral.summarize(BUNDLE.partnership(pid))

        def rows(name: str) -> list[dict[str, str]]:
            return [r for r in _read_csv(bundle_csv, name) if r["partnership"] == pid]

        status = {r["id"]: r["status"] for r in rows("instruments")}
        by_area: dict[str, Counter[str]] = {}
        for r in rows("instrument_areas"):
            by_area.setdefault(r["area"], Counter())[status[r["instrument"]]] += 1
        expected_areas = {a.area.value: {s.value: n for s, n in a.by_status} for a in summary.areas}
        assert {area: dict(c) for area, c in by_area.items()} == expected_areas
        assert {a: sum(c.values()) for a, c in by_area.items()} == {
            a.area.value: len(a.instruments) for a in summary.areas
        }

        kinds = {r["id"]: r["kind"] for r in rows("sources")}
        claim_tables = {
            "instruments",
            "trade_figures",
            "trade_changes",
            "trade_targets",
            "debts",
            "disruptions",
            "sanction_measures",
        }
        cited: dict[tuple[str, str], set[str]] = {}
        for r in rows("citations"):
            if r["record_type"] in claim_tables and r["path"] == "citations":
                cited.setdefault((r["record_type"], r["record"]), set()).add(r["source"])
        claims = [(t, r["id"]) for t in sorted(claim_tables) for r in rows(t)]
        mix = summary.sources
        assert len(claims) == mix.claims
        assert sum(len(cited.get(c, ())) == 1 for c in claims) == mix.single_source
        assert (
            sum(bool(cited.get(c)) and all(kinds[s] == "state_media" for s in cited[c]) for c in claims)
            == mix.state_media_only
        )
        assert sum(any(kinds[s] == "official" for s in cited.get(c, ())) for c in claims) == mix.official
        assert len(rows("sources")) == mix.sources
        assert len(rows("debts")) == len(summary.debt.restructurings)
        assert len(rows("disruptions")) == len(summary.disruptions)
        assert len(rows("trade_changes")) == len(summary.trade.changes)
        assert len(rows("trade_targets")) == len(summary.trade.targets)


def test_the_reference_page_is_the_layout() -> None:
    """docs/tidy-tables.md lists exactly the tables and columns that export writes."""
    page = (REPO / "docs" / "tidy-tables.md").read_text(encoding="utf-8")
    assert page == render(), (
        "docs/tidy-tables.md is stale: run `python -m tests.tidy_tables > docs/tidy-tables.md`"
    )
