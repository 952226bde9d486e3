"""Numbers: the value parser (property-tested) and units from the parse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.numbers import parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [("40", 40), ("2,000", 2000), ("1.5 million", 1_500_000), ("three hundred", 300), ("forty-two", 42),
     ("dozens", 12), ("hundreds", 100), ("twelve", 12), ("two thousand and five", 2005)],
)  # fmt: skip
def test_parse_number(words: str, value: float) -> None:
    assert parse_number(words) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


def test_not_a_number() -> None:
    assert parse_number("people") is None


@pytest.mark.model
def test_units_and_years(pipeline) -> None:
    article = pipeline("Jets carried out 40 air-strikes in 2015, killing dozens of fighters over 10 months.")
    found = {(n.value, n.unit) for n in article.numbers}
    assert (40, "air-strikes") in found
    assert (12, "fighters") in found
    assert (10, "months") in found
    assert all(n.value != 2015 for n in article.numbers)
