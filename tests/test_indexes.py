"""What `Dataset.partnership` keeps to stay quick on a dataset of thousands of partnerships."""

import gc

import attrs
import pytest

import bilateral
from bilateral.model import partnership as module


class TestIndex:
    def test_kept_per_dataset_and_dropped_with_it(self) -> None:
        """One index per dataset object, by identity; it goes when the dataset does."""
        bundle = bilateral.datasets.bundle()
        copy = attrs.evolve(bundle)
        assert copy == bundle
        assert copy.partnership("russia-cuba") == bundle.partnership("russia-cuba")
        assert module._index(copy) is module._index(copy)
        assert module._index(copy) is not module._index(bundle)
        key = id(copy)
        del copy
        gc.collect()
        assert key not in module._INDEXES

    def test_the_dataset_is_unchanged(self) -> None:
        """An indexed dataset has the same fields, data, repr and hash as before."""
        bundle = bilateral.datasets.bundle()
        fresh = attrs.evolve(bundle)
        before = (repr(fresh), hash(fresh), bilateral.io.documents.to_data(fresh))
        fresh.partnership("russia-iran")
        assert [f.name for f in attrs.fields(bilateral.Dataset)] == [
            "schema_version",
            "sources",
            "actors",
            "sanctions",
            "partnerships",
        ]
        assert (repr(fresh), hash(fresh), bilateral.io.documents.to_data(fresh)) == before

    def test_the_first_of_an_id(self) -> None:
        """Of two partnerships with one id (a file with a problem, built in Python), the first is found,
        and a missing id names itself."""
        bundle = bilateral.datasets.bundle()
        first, second = (
            bundle.partnerships[0],
            attrs.evolve(bundle.partnerships[1], id=bundle.partnerships[0].id),
        )
        dataset = attrs.evolve(bundle, partnerships=(first, second))
        assert dataset.partnership(first.id).title == first.title
        with pytest.raises(LookupError, match=r"^no partnership has the id 'atlantis'$"):
            dataset.partnership("atlantis")
