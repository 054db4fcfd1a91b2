"""What words are, as the lexicon says: here, which stretches of time are durations."""

from __future__ import annotations

import pytest

from quizgen.text.lexicon import is_duration


@pytest.mark.parametrize(
    "text",
    ["three years", "10 days", "a decade", "several months", "half a day", "about two minutes"],
)
def test_a_stretch_of_time_is_a_duration(text):
    assert is_duration(text)


@pytest.mark.parametrize(
    "text",
    ["three years ago", "last week", "the next day", "one day", "1835", "two hours later", "May"],
)
def test_a_point_in_time_is_not(text):
    assert not is_duration(text)


def test_an_organization_says_its_kind_before_its_of_or_in():
    from quizgen.text.lexicon import organization_kind

    assert organization_kind("St. Mary's Elementary School in Fredericksburg") == "school"
    assert organization_kind("the College of Business") == "college"
    assert organization_kind("the Recording Industry Association of America") == ""
    assert organization_kind("NASA") == ""
