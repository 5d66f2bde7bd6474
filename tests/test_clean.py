from lishui_analysis.ingest import clean


def test_half_width_punctuation_between_chinese_becomes_full_width_but_not_in_numbers():
    assert clean.normalize_punctuation("本报讯(记者 陈春)日前,总投资1,200万元;用时09:40") == \
        "本报讯（记者 陈春）日前，总投资1,200万元；用时09:40"


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
