import codecs
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.io.csv_input import LINE, read_checked_csv

pytestmark = pytest.mark.unit

REQ = ["code", "naam", "aantal"]


def write(tmp_path: Path, text: str, encoding: str = "utf-8", bom: bytes = b"") -> Path:
    path = tmp_path / "in.csv"
    path.write_bytes(bom + text.encode(encoding))
    return path


def test_reads_semicolon_file_with_line_numbers(tmp_path):
    frame = read_checked_csv(write(tmp_path, "code;naam;aantal\nGM0001;A;10\n\nGM0002;B;15\n"), REQ, preferred_sep=";")
    assert frame["code"].tolist() == ["GM0001", "GM0002"]
    assert frame[LINE].tolist() == [2, 4]
    assert frame["aantal"].tolist() == ["10", "15"]  # typing is left to the dataset reader


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1252", b""), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_encodings_keep_accented_names(tmp_path, encoding, bom):
    text = "code;naam;aantal\nGM1900;Súdwest-Fryslân;10\nGM0796;'s-Hertogenbosch;20\n"
    frame = read_checked_csv(write(tmp_path, text, encoding, bom), REQ, preferred_sep=";")
    assert frame["naam"].tolist() == ["Súdwest-Fryslân", "'s-Hertogenbosch"]
    assert list(frame.columns[:3]) == REQ  # no BOM glued to the first header


def test_sep_line_from_excel(tmp_path):
    frame = read_checked_csv(write(tmp_path, "sep=,\ncode,naam,aantal\nGM0001,A,10\n"), REQ, preferred_sep=";")
    assert frame["naam"].tolist() == ["A"]
    assert frame[LINE].tolist() == [3]


def test_comma_file_where_semicolons_are_usual_is_read(tmp_path):
    frame = read_checked_csv(write(tmp_path, "code,naam,aantal\nGM0001,A,10\n"), REQ, preferred_sep=";")
    assert frame["code"].tolist() == ["GM0001"]


def test_wrong_separator_names_file_and_missing_column(tmp_path):
    with pytest.raises(InputError) as err:
        read_checked_csv(write(tmp_path, "code|naam|aantal\nGM0001|A|10\n"), REQ, preferred_sep=";")
    assert "in.csv" in str(err.value)
    assert err.value.column == "code"
    assert "scheidingsteken" in str(err.value)


def test_header_only_file(tmp_path):
    with pytest.raises(InputError, match="kopregel maar geen gegevens"):
        read_checked_csv(write(tmp_path, "code;naam;aantal\n"), REQ)


def test_empty_file(tmp_path):
    with pytest.raises(InputError, match="leeg"):
        read_checked_csv(write(tmp_path, ""), REQ)


def test_duplicate_header(tmp_path):
    with pytest.raises(InputError, match="twee keer") as err:
        read_checked_csv(write(tmp_path, "code;naam;aantal;naam\nGM0001;A;10;B\n"), REQ)
    assert err.value.column == "naam"


def test_ragged_row_names_its_line(tmp_path):
    with pytest.raises(InputError) as err:
        read_checked_csv(write(tmp_path, "code;naam;aantal\nGM0001;A;10\nGM0002;B;10;extra;more\n"), REQ)
    assert err.value.rows == [3]


def test_trailing_separator_on_every_row_is_accepted(tmp_path):
    frame = read_checked_csv(write(tmp_path, "code;naam;aantal;\nGM0001;A;10;\nGM0002;B;5;\n"), REQ)
    assert list(frame.columns) == [*REQ, LINE]
    assert frame["aantal"].tolist() == ["10", "5"]


def test_duplicated_key_names_both_lines(tmp_path):
    with pytest.raises(InputError, match="meer dan één keer") as err:
        read_checked_csv(write(tmp_path, "code;naam;aantal\nGM0001;A;10\nGM0002;B;5\nGM0001;C;5\n"), REQ, key=["code"])
    assert err.value.rows == [2, 4]
    assert err.value.column == "code"


def test_codes_keep_leading_zeros_and_lose_cbs_padding(tmp_path):
    frame = read_checked_csv(write(tmp_path, 'code;naam;aantal\n"GM0003    ";A;10\n'), REQ, code_columns={"code"})
    assert frame["code"].tolist() == ["GM0003"]


def test_control_characters_are_rejected(tmp_path):
    with pytest.raises(InputError, match="stuurtekens") as err:
        read_checked_csv(write(tmp_path, "code;naam;aantal\nGM0001;A\x07;10\n"), REQ)
    assert err.value.column == "naam"
    assert err.value.rows == [2]


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="bestaat niet"):
        read_checked_csv(tmp_path / "nope.csv", REQ)


def test_a_name_with_direction_controls_is_isolated_so_it_cannot_turn_the_sentence_around(tmp_path):
    from workbench.io.csv_input import isolate_bidi
    from workbench.report.html_parts import para

    frame = read_checked_csv(write(tmp_path, "code;naam;aantal\nGM0001;Ab\u202edc;10\nGM0002;Gouda;15\n"), REQ)
    assert frame["naam"].tolist() == ["\u2068Ab\u202edc\u2069", "Gouda"]  # first strong isolate … pop isolate
    assert isolate_bidi("Gouda") == "Gouda" and isolate_bidi("x\u2067y") == "\u2068x\u2067y\u2069"
    sentence = para(f"De gemeente {frame['naam'][0]} telt 10 meldingen.")
    assert sentence.index("\u2069") < sentence.index(" telt 10")  # the override ends before the sentence goes on
