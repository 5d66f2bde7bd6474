import pytest

from lishui_analysis.ingest import load
from lishui_analysis.errors import InputError

TEXT = "高新区赴珠三角考察对接\n\n本报讯（记者 吴某）近日，总投资4.5亿元。"


@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030")])
def test_decodes_common_chinese_encodings(tmp_path, encoding, expected):
    p = tmp_path / "page.txt"
    p.write_bytes(TEXT.encode(encoding))
    doc = load.read_document(p, tmp_path)
    assert doc.text == TEXT
    assert doc.encoding == expected
    assert doc.doc_id == "page" and len(doc.sha256) == 64


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG image"),
    (b"PK\x03\x04" + b"\x00" * 50, "zip"),
    ("经开区".encode() + b"\x00\x00\x00abc", "NUL"),
])
def test_bad_files_get_a_clear_error(tmp_path, data, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load.read_document(p, tmp_path)
    assert problem in str(exc.value) and "bad.txt" in str(exc.value)


def test_html_gives_body_text_without_scripts_or_navigation(tmp_path):
    html = """<html><head><title>t</title><script>var x = "不要";</script></head><body>
    <nav>首页 | 新闻</nav><article><h1>经开区新项目开工</h1><p>本报讯（记者 李四）日前，项目开工。</p>
    <p>总投资<b>5亿元</b>。</p></article><footer>版权所有</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    text = load.read_document(p, tmp_path).text
    assert "经开区新项目开工" in text and "总投资5亿元。" in text
    assert "不要" not in text and "首页" not in text and "版权所有" not in text


def test_missing_or_empty_raw_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load.list_raw_files(tmp_path / "nope")
    with pytest.raises(InputError, match="no .txt or .html"):
        load.list_raw_files(tmp_path)


def _manifest(tmp_path, text, encoding="utf-8"):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(text.encode(encoding))
    return tmp_path


def test_manifest_keeps_extra_columns_and_reads_bom_and_gbk(tmp_path):
    rows = load.read_sources(_manifest(tmp_path, "\ufefffile,pub_date,publication,url,备注\na.txt,2024-12,丽水日报,,测试\n"))
    assert rows["a.txt"]["pub_date"] == "2024-12" and rows["a.txt"]["备注"] == "测试"
    rows = load.read_sources(_manifest(tmp_path, "file,pub_date,publication\na.txt,2024,丽水日报\n", "gbk"))
    assert rows["a.txt"]["publication"] == "丽水日报"


@pytest.mark.parametrize("text, message", [
    ("name,pub_date\na.txt,2024\n", "no 'file' column"),
    ("file,pub_date\na.txt,2024-13-45\n", "2024-13-45"),
    ("file,pub_date\na.txt,昨天\n", "昨天"),
    ("file,pub_date\nb.txt,2024\n", "does not exist: b.txt"),
    ("file,pub_date\na.txt,2024\na.txt,2023\n", "listed twice"),
])
def test_manifest_errors_name_file_line_and_problem(tmp_path, text, message):
    with pytest.raises(InputError) as exc:
        load.read_sources(_manifest(tmp_path, text))
    assert message in str(exc.value) and "sources.csv:" in str(exc.value)


def test_identical_duplicate_manifest_rows_are_accepted(tmp_path):
    rows = load.read_sources(_manifest(tmp_path, "file,pub_date\na.txt,2024\na.txt,2024\n"))
    assert list(rows) == ["a.txt"]


@pytest.mark.parametrize("value, expected", [("2024-12-09", ("2024-12-09", "day")), ("2024-12", ("2024-12", "month")),
                                             ("2024", ("2024", "year")), ("2024-02-30", None), ("12/09/2024", None)])
def test_parse_pub_date(value, expected):
    assert load.parse_pub_date(value) == expected
