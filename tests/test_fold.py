"""Folded names: accents, case, dots, hyphens and a leading "the" set aside, by the same rule for plain ASCII text
(the fast path) and text with marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilateral.annotate.knowledge import fold


def test_accented_and_plain_spellings_fold_alike() -> None:
    assert fold("Île-de-France") == fold("ILE DE FRANCE") == "ile de france"
    assert fold("The  Gambia’s") == "gambia's"
    assert fold("Çağlayan") == fold("caglayan")
    assert fold("U.N.") == "un"


@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=40))
def test_a_text_and_its_form_without_marks_fold_alike(text: str) -> None:
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    assert fold(text) == fold(bare)
    assert fold(text).isascii() or not bare.isascii()
