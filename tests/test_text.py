import unicodedata

from groundbrief.text import clean, fold_quotes, sentence_spans, sentences


def test_clean_is_nfc_and_repairs_mojibake():
    decomposed = unicodedata.normalize("NFD", "Orbán in São Paulo")
    assert clean(decomposed) == "Orbán in São Paulo"
    broken = "He said “yes” — café".encode("utf-8").decode("cp1252", errors="replace")
    assert "Ã" in broken or "â€" in broken
    # cp1252 cannot decode 0x9d (in ”); a real mis-decoding leaves it as U+009D.
    real = "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in "He said “yes” — café".encode("utf-8")
    )
    assert clean(real) == "He said “yes” — café"
    assert clean("Ãgua is Portuguese for nothing") == "Ãgua is Portuguese for nothing"


def test_clean_joins_wrapped_lines_and_keeps_paragraphs():
    assert clean("one\ntwo\r\n\r\n\nthree\x00") == "one two\n\nthree"


def test_sentence_spans_respect_abbreviations_and_offsets():
    text = 'Mr. Smith went to Washington. The U.S. economy grew 2.5 pct in Jan. 1987. Then J. Doe left!'
    got = sentences(text)
    assert got == [
        "Mr. Smith went to Washington.",
        "The U.S. economy grew 2.5 pct in Jan. 1987.",
        "Then J. Doe left!",
    ]
    for (s, e), sent in zip(sentence_spans(text), got):
        assert text[s:e] == sent


def test_fold_quotes():
    assert fold_quotes("“We did  this”, ‘he’ said") == "\"We did this\", 'he' said"
