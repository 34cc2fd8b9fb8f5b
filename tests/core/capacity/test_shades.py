"""The utilisation colour scale: steps of the over band, and which numbers are written in white."""

from pmo_desktop.capacity import shades


def test_each_over_step_is_bounded_by_its_limit() -> None:
    assert [shades.over_step(ratio) for ratio in (1.01, 1.10, 1.11, 1.5, 2.2, 2.5, 2.51, 9.0)] == [
        0, 0, 1, 2, 5, 5, 6, 6,
    ]  # fmt: skip
    assert len(shades.OVER) == len(shades.OVER_LIMITS) + 1


def test_numbers_are_white_on_the_dark_reds_only() -> None:
    assert shades.text_on(shades.LOAD_WITHOUT_CAPACITY) == shades.LIGHT_TEXT
    assert shades.text_on(shades.OVER[-1]) == shades.LIGHT_TEXT
    assert [shades.text_on(fill) for fill in (shades.IDLE, shades.HEALTHY, shades.FULL, shades.OVER[0])] == [
        shades.DARK_TEXT
    ] * 4
