from lishui_analysis.ingest import clean


def test_half_width_punctuation_between_chinese_becomes_full_width_but_not_in_numbers():
    assert clean.normalize_punctuation("本报讯(记者 林小雨)日前,总投资1,200万元;用时09:40") == \
        "本报讯（记者 林小雨）日前，总投资1,200万元；用时09:40"


def test_ascii_text_keeps_its_punctuation():
    assert clean.normalize_punctuation("FerroTec (China), Inc.") == "FerroTec (China), Inc."


def test_traditional_becomes_simplified_and_fullwidth_digits_ascii():
    assert clean.normalize_text("麗水經濟開發區投資２０億元") == "丽水经济开发区投资20亿元"


def test_repair_joins_a_sentence_split_by_layout_and_keeps_real_paragraphs():
    paras = ["强达实业老项目2022年实", "现营收2.06亿元。", "新段落开始。", "带动了检测技术难度的提", "高。"]
    assert clean.repair_breaks(paras) == ["强达实业老项目2022年实现营收2.06亿元。", "新段落开始。", "带动了检测技术难度的提高。"]


def test_repair_keeps_a_quoted_paragraph_and_an_in_body_heading():
    paras = ["“这是引语。”", "下一段。", "■ 项目进展", "日前，项目开工。"]
    assert clean.repair_breaks(paras) == paras


def test_ends_sentence():
    assert clean.ends_sentence("好。”") and clean.ends_sentence("完成！") and not clean.ends_sentence("市场")


def test_invisible_characters_are_removed_and_lines_kept():
    text = "丽水\u200b经开区\ufeff项目\u00ad开工\r\n第二\u2060行\r第三行"
    assert clean.normalize_text(text) == "丽水经开区项目开工\n第二行\n第三行"


def test_titles_of_a_traditional_page_are_quoted_as_written():
    from lishui_analysis.ingest.clean import as_written, normalize_page

    text, written = normalize_page("經開區創新十強\n星河公司落戶經開區。")
    assert text == "经开区创新十强\n星河公司落户经开区。"
    assert as_written("经开区创新十强", written) == "經開區創新十強"
    assert normalize_page("经开区\n正文。") == ("经开区\n正文。", {})


# --- phrases of their own are not broken sentences (clean.repair_breaks) -------------------------

import pytest as _pytest  # noqa: E402

from lishui_analysis.ingest.clean import repair_breaks as _repair  # noqa: E402

_PHRASES = ["{co}产业园项目简介", "仪式现场", "宗地名称", "{co}董事长王一鸣", "数据点睛——", "{co}新材料项目"]


@_pytest.mark.parametrize("phrase", _PHRASES)
@_pytest.mark.parametrize("co", ["云岭", "翠峰"])
def test_a_heading_caption_or_cell_on_a_web_page_stays_its_own_paragraph(phrase, co):
    head = phrase.format(co=co)
    paras = [head, f"{co}新材料产业园位于园区东侧，总用地面积约80亩。", "据了解，项目计划年底投产。"]
    assert _repair(paras) == paras


@_pytest.mark.parametrize("co", ["云岭", "翠峰"])
@_pytest.mark.parametrize("lead", ["附件：{co}县重大项目推进计划表", "{co}县重大项目推进计划表"])
def test_a_whole_sentence_after_a_phrase_on_a_page_of_phrases_starts_its_own_paragraph(co, lead):
    # a notice's attachment line, its issuer's signature, the table's caption, then a table's rows as
    # flat_tables writes them: the first row is no continuation of the caption
    row = f"{co}精密轴承项目，总投资8.5亿元，计划2031年3月开工，计划2032年6月竣工。"
    paras = [lead.format(co=co), f"{co}县发展和改革局", "附件", f"{co}县重大项目推进计划表", row,
             f"{co}物流园二期，总投资2.1亿元，续建，计划2031年9月竣工。"]
    out = _repair(paras)
    assert out[-2:] == paras[-2:]
    # a short end of a sentence still joins (no clause mark: 8.5亿元。 is no sentence of its own)
    assert _repair([f"{co}精密轴承项目总投资", "8.5亿元。", "下一段。"])[0] == f"{co}精密轴承项目总投资8.5亿元。"


@_pytest.mark.parametrize("co", ["云岭", "翠峰"])
def test_on_a_page_of_broken_columns_a_short_broken_line_joins_too(co):
    paras = [f"{co}新材料产业园位于园区东侧，占地面积约两百亩，是今年全市",  # a full column line
             "的重点项目之一。据介绍，项目总投资约十亿元，计划于明年年底", "建成投产。该园首根",  # a line cut short
             "晶棒日前成功下线。"]
    assert _repair(paras) == ["".join(paras)]


# ---- a page set in a narrow column (lines wrapped at its width), invented text


def _column(paras, width, indent="\u3000\u3000"):
    out = []
    for p in paras:
        first = width - len(indent)
        out.append(indent + p[:first])
        out.extend(p[i:i + width] for i in range(first, len(p), width))
    return "\n".join(out)


_PARAS = ["日前，云岭新材料产业园二期项目正式开工建设，项目总投资12亿元，用地面积约两百亩，建成后可形成年产五万吨新材料的"
          "生产能力。园区管委会有关负责人介绍，二期项目将重点引进上下游配套企业，进一步延伸产业链条，提升园区整体竞争力。",
          "该项目由某某新材料科技有限公司投资建设，计划于后年年底前建成投产，届时将为当地新增就业岗位八百余个，带动周边"
          "村民增收致富。企业负责人表示，将全力以赴加快施工进度，确保项目早日建成见效。"]


@_pytest.mark.parametrize("width", [16, 22, 30])
@_pytest.mark.parametrize("indent", ["\u3000\u3000", ""])
def test_column_lines_are_joined_into_their_paragraphs(width, indent):
    page = "云岭新材料产业园二期开工\n\n" + _column(_PARAS, width, indent)
    lines = [ln for ln in clean.normalize_text(page).split("\n") if ln]
    assert lines == ["云岭新材料产业园二期开工"] + _PARAS


def test_a_title_of_the_column_width_stays_apart_on_an_indented_page():
    title = _PARAS[0][3:25]  # as long as the column is wide, no end of sentence
    page = title + "\n" + _column(_PARAS, 22)
    assert clean.normalize_text(page).split("\n")[0] == title


def test_lines_of_a_web_page_are_no_column():
    page = "云岭大桥通车\n来源：云岭日报\n" + "\n".join(_PARAS) + "\n责任编辑：林小雨"
    assert clean.join_column_lines(page) == page


# --- an in-body heading opened by any symbol is no broken sentence ------------------------------

@_pytest.mark.parametrize("mark", ["▍", "■", "★", "▶", "🔹", "📌"])
@_pytest.mark.parametrize("title", ["储能电池：从签约到投产仅用9个月", "人才公寓 800套房源交付"])
def test_a_symbol_opened_heading_is_not_joined_to_its_paragraph(mark, title):
    paras = [f"{mark}{title}", "云岭储能科技有限公司电池项目今年2月签约，10月投产。"]
    assert clean.repair_breaks(paras) == paras


@_pytest.mark.parametrize("first", ["“", "【", "（", "·", "%"])
def test_punctuation_is_no_heading_marker(first):
    assert not clean.is_subheading(f"{first}云岭储能科技今年投产")
