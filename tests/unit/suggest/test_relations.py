"""Relation suggestions: sentences of each pattern of GUIDELINES.md (Relations), written for these tests."""
import pytest

from annotator.core.model import Span
from annotator.suggest.relations import suggest_relations


def spans_of(text, marked):
    """Spans (ids from 1) of `marked`: (string, label, occurrence)."""
    out = []
    for n, (string, label, *nth) in enumerate(marked, 1):
        start = -1
        for _ in range((nth or [1])[0]):
            start = text.index(string, start + 1)
        out.append(Span(start, start + len(string), label, string, id=n, document_id=7))
    return out


def found(text, marked, learned=()):
    spans = spans_of(text, marked)
    by_id = {s.id: s.text for s in spans}
    return {(by_id[r.head_id], r.type, by_id[r.tail_id]) for r in suggest_relations(text, spans, learned)}


@pytest.mark.parametrize("text, marked, pair", [
    ("上海市对口支援云南省。", [("上海市", "REGION"), ("云南省", "REGION")], ("上海市", "云南省")),
    ("奉贤区持续帮扶宜川县，成效明显。", [("奉贤区", "REGION"), ("宜川县", "REGION")], ("奉贤区", "宜川县")),
    ("福建省东西部协作宁夏回族自治区。", [("福建省", "REGION"), ("宁夏回族自治区", "REGION")],
     ("福建省", "宁夏回族自治区")),
    ("宜川县的这所学校是奉贤区援建的。", [("宜川县", "REGION"), ("奉贤区", "REGION")], ("奉贤区", "宜川县")),
    ("近年来云南省受上海市援助颇多。", [("云南省", "REGION"), ("上海市", "REGION")], ("上海市", "云南省")),
    ("无锡市新吴区与四川省泸州市结对。", [("新吴区", "REGION"), ("泸州市", "REGION")], None),
])
def test_supports_in_either_word_order(text, marked, pair):
    supports = {(h, t) for h, kind, t in found(text, marked) if kind == "SUPPORTS"}
    assert supports == ({pair} if pair else set())


def test_each_region_of_a_list_aids():
    text = "杭州市、宁波市分别帮扶四川省。"
    marked = [("杭州市", "REGION"), ("宁波市", "REGION"), ("四川省", "REGION")]
    assert found(text, marked) == {("杭州市", "SUPPORTS", "四川省"), ("宁波市", "SUPPORTS", "四川省")}


def test_funds_ties_money_to_the_region_it_goes_to_in_its_clause():
    text = "奉贤区向保靖县投入帮扶资金2000万元，培训干部320人。"
    marked = [("奉贤区", "REGION"), ("保靖县", "REGION"), ("2000万元", "AMOUNT"), ("320人", "AMOUNT")]
    assert {x for x in found(text, marked) if x[1] == "FUNDS"} == {("2000万元", "FUNDS", "保靖县")}


def test_funds_to_the_commitment_holding_the_money():
    text = "下一步将投入资金500万元建设产业园。"
    marked = [("将投入资金500万元建设产业园", "COMMITMENT"), ("500万元", "AMOUNT")]
    assert found(text, marked) == {("500万元", "FUNDS", "将投入资金500万元建设产业园")}


def test_leads_a_person_followed_by_a_leading_cue():
    text = "历城区委书记吴承丙带领区党政代表团赴湘西州考察。"
    marked = [("历城区", "REGION"), ("吴承丙", "PERSON"), ("湘西州", "REGION")]
    assert {x for x in found(text, marked) if x[1] == "LEADS"} == {("吴承丙", "LEADS", "历城区")}
    text = "张凡明负责联络宜川县。"
    assert found(text, [("张凡明", "PERSON"), ("宜川县", "REGION")]) == {("张凡明", "LEADS", "宜川县")}


def test_a_learned_pair_is_suggested_where_the_two_regions_meet_again():
    text = "奉贤区和宜川县的干部座谈。"
    marked = [("奉贤区", "REGION"), ("宜川县", "REGION")]
    assert found(text, marked) == set()
    assert found(text, marked, learned={("奉贤区", "宜川县")}) == {("奉贤区", "SUPPORTS", "宜川县")}


def test_no_relation_across_sentences():
    text = "上海市对口支援。云南省发展很快。"
    assert found(text, [("上海市", "REGION"), ("云南省", "REGION")]) == set()
