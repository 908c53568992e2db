"""Repair of the seeds and of damaged text: what annotators get to see."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from annotator.core.offsets import OffsetMap
from annotator.core.resources import seed_files
from annotator.ingest import t2s
from annotator.ingest.options import RepairOptions
from annotator.ingest.repair import LOST, load_rules, repair

SEEDS = {f.name: f.read_text(encoding="utf-8") for f in seed_files()}
BOILERPLATE = ["当前位置", "您现在的位置", "二维码", "新文秘网", "正式会员可完整阅读", "未完,全文共", "收藏《",
               "选择阅读字号", "发布时间", "公众号"]


@pytest.fixture(scope="module")
def repaired():
    return {name: repair(raw) for name, raw in SEEDS.items()}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_is_clean_simplified_text(repaired, name):
    text = repaired[name].text
    assert not re.search(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", text), "pinyin gloss left"
    assert not t2s.has_traditional(text), "traditional characters left"
    for phrase in BOILERPLATE:
        assert phrase not in text, phrase
    assert not re.search(r"^\?\?|^[\u3000 ]", text, re.M), "lost-space marks or indentation left"
    assert "\n\n" not in text and "\r" not in text


@pytest.mark.parametrize("name,sentence", [
    ("000_c54b10d841d6e87d.txt", "5月9日下午,奉贤区举行对口支援与合作交流工作领导小组会议"),
    ("000_c54b10d841d6e87d.txt", "区委书记袁泉出席并讲话。区委副书记、区长王益群主持。"),
    ("001_b7965bec2e534be9.txt", "们还将援派2名科级干部和9名专业技术人才。"),
    ("001_b7965bec2e534be9.txt", "组织企业赴**、**开展"),
    ("002_79b51d6bf456065a.txt", "江阳区累计投入各类帮扶资金14654.73万元,实施帮扶项目154个,选派干部人才320人"),
    ("002_79b51d6bf456065a.txt", "(来源:川江号 本文记者:朱虹 李独懿)\n编辑:李永鑫"),
    ("003_7cf6dbb470ec2093.txt", "县领导尚文隆、秦延辉、陈志胜、高鹃、张凡明、魏建文参加相关活动。"),
    ("003_7cf6dbb470ec2093.txt", "坚持更高站位,坚决扛起使命担当\n十九届六中全会"),
    ("004_ecc5312b5b4cb4b5.txt", "在5千吨黑茶加工产业园项目现场"),
])
def test_seed_body_is_intact(repaired, name, sentence):
    assert sentence in repaired[name].text


def test_seed_metadata(repaired):
    assert repaired["002_79b51d6bf456065a.txt"].meta["date"] == "2022-12-04"
    meta = repaired["003_7cf6dbb470ec2093.txt"].meta
    assert (meta["date"], meta["source"]) == ("2021-12-01", "新吴区人民政府")


def test_report_counts_what_was_repaired(repaired):
    r = repaired["000_c54b10d841d6e87d.txt"].report
    assert r["pinyin_removed"] > 150 and r["converted_t2s"] > 300
    assert r["lost_characters"] >= 2  # the lost characters in 要?jiǎng)?chuàng)新
    lines = [b["text"] for b in repaired["001_b7965bec2e534be9.txt"].report["boilerplate_lines"]]
    assert any("省略633字" in l for l in lines) and any(l.startswith("收藏《") for l in lines)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_normalized_character_maps_to_its_raw_source(repaired, name):
    raw, fixed = SEEDS[name], repaired[name]
    for i, ch in enumerate(fixed.text):
        a, b = fixed.offsets.raw_span(i, i + 1)
        source = raw[a:b]
        assert ch in (source, t2s.to_simplified(source)) or (ch == "\n" and source in "\r\n") or (
            ch == LOST and (source == "?" or source.isascii() and source.isalpha())), (i, ch, source)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_repair_is_idempotent(repaired, name):
    again = repair(repaired[name].text)
    assert again.text == repaired[name].text


def test_real_parentheses_stay_and_glosses_go():
    text = repair("奉賢區(qū)會(huì)議(新吴区)阿石拉比(左二)陪同(来源:川江号)世界贸易组织(WTO)").text
    assert text == "奉贤区会议(新吴区)阿石拉比(左二)陪同(来源:川江号)世界贸易组织(WTO)"


def test_more_boilerplate_goes():
    raw = ("现在的位置：首页 / 新闻中心\n首页 / 对口支援 / 正文\n小字号\n大字号 中字号 小字号\n正在加载…\n"
           "正文一段。\n（编辑：张三 图片：IMG_2031.JPG）\nphoto-1.png\n请输入验证码：看不清，换一张")
    fixed = repair(raw)
    assert fixed.text == "正文一段。\n（编辑：张三 图片：）"
    assert {b["rule"] for b in fixed.report["boilerplate_lines"]} == {
        "navigation", "breadcrumbs", "font-size-line", "loading", "image-file", "captcha"}


def test_a_gloss_whose_character_was_lost_leaves_a_visible_mark_and_is_counted():
    fixed = repair("立足當?shù)發展，要?jiǎng)?chuàng)新,F(xiàn)在，A(an)段")
    assert fixed.text == "立足当□发展，要□□新,□在，A(an)段"
    assert fixed.report["lost_characters"] == 4 and fixed.report["pinyin_removed"] == 4


def test_question_marks_in_text_are_kept_and_counted():
    fixed = repair("??第一段\n責任?,现在\ufffd好")
    assert fixed.text == "第一段\n责任?,现在\ufffd好"
    assert fixed.report["damage"] == 2


def test_fullwidth_digits_and_letters_become_ascii_punctuation_stays():
    assert repair("投入１２３万元，ＡＢｃ。").text == "投入123万元，ABc。"


def test_each_step_can_be_turned_off():
    raw = "  區(qū)１\n当前位置:首页"
    off = RepairOptions(t2s=False, pinyin=False, boilerplate=False, fullwidth=False, whitespace=False,
                        question_marks=False)
    assert repair(raw, off).text == raw
    assert repair(raw, RepairOptions(t2s=False)).text == "區1"


def test_a_project_can_add_rules():
    rules = load_rules('[[rule]]\nname = "ad"\npattern = "^广告.*$"\n')
    assert repair("正文\n广告:买一送一", rules=rules).text == "正文"


def test_t2s_matches_opencc():
    import opencc
    reference = opencc.OpenCC("t2s")
    for raw in SEEDS.values():
        assert t2s.to_simplified(raw) == reference.convert(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("區區(qū)??  \r\n１a發布時間:2022-1-2来源:某,。\ufffd𠮷当前位置")), max_size=80))
def test_offset_map_and_idempotence_hold_for_any_text(raw):
    fixed = repair(raw)
    assert len(fixed.offsets) == len(fixed.text)
    for i in range(len(fixed.text)):
        a, b = fixed.offsets.raw_span(i, i + 1)
        assert 0 <= a < b <= len(raw)
    assert repair(fixed.text).text == fixed.text
    assert OffsetMap.from_bytes(fixed.offsets.to_bytes()) == fixed.offsets
