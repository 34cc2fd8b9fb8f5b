"""Names full of markup print as the characters they are: nothing is styled, linked, fetched or lost."""

import pytest

from pmo_desktop.reporting.export import export_board_pack
from pmo_desktop.reporting.options import PackOptions
from tests.core.reporting import hostile
from tests.core.reporting.conftest import Pdf


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    folder = tmp_path_factory.mktemp("hostile")
    source = hostile.build(folder / "hostile.pmo")
    export_board_pack(source, folder / "pack.pdf", PackOptions(today=hostile.DAY))
    return Pdf.of((folder / "pack.pdf").read_bytes())


@pytest.mark.parametrize("literal", hostile.LITERALS)
def test_every_hostile_name_prints_literally(pack: Pdf, literal: str) -> None:
    assert literal in pack.text


def test_the_classification_prints_literally_in_header_and_footer(pack: Pdf) -> None:
    marking = hostile.CLASSIFICATION.upper()
    assert all(page.count(marking) == 2 for page in pack.pages[1:])
    assert f"Classification: {hostile.CLASSIFICATION}" in " ".join(pack.pages[0].split())


def test_comments_keep_their_lines_and_characters(pack: Pdf) -> None:
    for line in hostile.COMMENT.splitlines():
        assert line.strip() in pack.text


def test_a_long_word_is_wrapped_not_lost(pack: Pdf) -> None:
    assert hostile.LONG_WORD in "".join(pack.text.split())


def test_nothing_links_out_and_no_image_was_fetched(pack: Pdf) -> None:
    for page in pack.reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/URI" not in action
        # The only images are the charts we drew; none came from the names' <img> tags.
        for image in page.images:
            assert image.image is not None and image.image.size[0] > 100


def test_bookmarks_hold_the_plain_names(pack: Pdf) -> None:
    outline = pack.outline()
    projects = [title for title, _, _ in pack.outline(outline[-1][2])]
    assert f"<&> — {hostile.PROJECT}" in projects
