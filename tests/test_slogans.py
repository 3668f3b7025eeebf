"""Slogans: the lexicon's own examples, table-driven context cases, and the labelled documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from docanalyze.extract import slogan_lexicon as lex
from docanalyze.extract.quotes import find_quotes
from docanalyze.extract.slogans import find_slogans
from docanalyze.items import Header
from docanalyze.normalize import fold
from docanalyze.readers import from_text, load
from docanalyze.structure.header import parse_header

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"


def _doc(text: str):
    return from_text(text)


def _slogans(text: str):
    doc = _doc(text)
    return find_slogans(doc, Header(), [])


# ------------------------------------------------------------------ lexicon
@pytest.mark.parametrize("entry", lex.entries(), ids=lambda e: e.id)
def test_lexicon_examples_map_to_their_entry(entry):
    assert entry.examples, f"{entry.id} has no examples"
    for ex in entry.examples:
        m = lex.match(ex)
        assert m is not None and m.entry.id == entry.id, (ex, m and m.entry.id)
    for ex in entry.not_examples:
        m = lex.match(ex)
        assert m is None or m.entry.id != entry.id, (ex, m.entry.id)


def test_lexicon_ids_and_kinds():
    ids = [e.id for e in lex.entries()]
    assert len(ids) == len(set(ids))
    assert {e.kind for e in lex.entries()} <= {"motto", "style", "movement", "model"}


@pytest.mark.parametrize("phrase, allowed, want", [
    ("nói dân biết", "noi_dan_hieu", "noi_dan_hieu"),   # one word changed, in a document that quotes the original
    ("nghe dân nói, nói dân hiểu", "nghe_dan_noi_3", "nghe_dan_noi_3"),  # cut short
    ("Dân vận tốt trong công tác", "dan_van_kheo", None),
])
def test_loose_match_only_for_repetitions(phrase, allowed, want):
    assert lex.match(phrase) is None or lex.match(phrase).entry.id != want
    m = lex.match_loose(phrase, [e for e in lex.entries() if e.id == allowed])
    assert (m.entry.id if m else None) == want


# ------------------------------------------------------------------ quotes
def test_quote_pairing_survives_real_export_damage():
    doc = _doc("ban hành “ <i>Quy chế công tác dân vận</i> ”; Thành ủy “về đẩy mạnh xử lý” “điểm nóng”, vụ việc”; "
               "theo phương châm “dân biết, dân bàn”.")
    got = [doc.text[q.start:q.end] for q in find_quotes(doc)]
    assert got == ["Quy chế công tác dân vận", "về đẩy mạnh xử lý", "điểm nóng", "dân biết, dân bàn"]


@pytest.mark.parametrize("raw, want", [
    ('phong trào " Dân vận khéo " trong trường học', ["Dân vận khéo"]),
    ('phong trào"Dân vận khéo" và "Toàn dân bảo vệ an ninh Tổ quốc".', ["Dân vận khéo", "Toàn dân bảo vệ an ninh Tổ quốc"]),
    ("phương châm «Dân biết, dân bàn» và „Dân làm“", ["Dân biết, dân bàn", "Dân làm"]),
    ("phong trào ‘Dân vận khéo’ và 'Toàn dân bảo vệ an ninh Tổ quốc'.", ["Dân vận khéo", "Toàn dân bảo vệ an ninh Tổ quốc"]),
    ("về “ngăn chặn biểu hiện ‘tự diễn biến’ trong nội bộ”", ["ngăn chặn biểu hiện 'tự diễn biến' trong nội bộ",
                                                             "tự diễn biến"]),
])
def test_straight_and_foreign_quotes(raw, want):
    doc = _doc(raw)
    assert [doc.text[q.start:q.end] for q in find_quotes(doc)] == want


def test_nested_quotes_and_cells():
    doc = _doc("Nghị quyết về “ngăn chặn những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ”.\n\n"
               "Stt\tNội dung\n1\tPhong trào «Giỏi việc nước, đảm việc nhà»\n2\tMô hình “Tổ tiết kiệm")
    got = {doc.text[q.start:q.end]: q.nested for q in find_quotes(doc)}
    assert got == {"ngăn chặn những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ": False,
                   "tự diễn biến": True, "tự chuyển hóa": True, "Giỏi việc nước, đảm việc nhà": False}


# ------------------------------------------------------------------ context, table-driven
CASES = [
    # (text, [(phrase, kind, canonical or None)])
    ("Thực hiện phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra”.",
     [("Dân biết, dân bàn, dân làm, dân kiểm tra", "motto",
       "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng")]),
    ("gắn với thực hiện chủ đề năm 2025 của thành phố “Tăng tốc, bứt phá, về đích”.",
     [("Tăng tốc, bứt phá, về đích", "theme", None)]),
    ("thực hiện chủ đề “Năm chuyển đổi số” năm 2023 của thành phố.", [("Năm chuyển đổi số", "theme", None)]),
    ("xây dựng mô hình dân vận khéo năm 2023 “Tuyên truyền hướng dẫn người dân sử dụng dịch vụ công”.",
     [("Tuyên truyền hướng dẫn người dân sử dụng dịch vụ công", "model", None)]),
    ("đăng ký mô hình “Dân vận khéo” năm 2025.", [("Dân vận khéo", "movement", "Dân vận khéo")]),
    ("Tiếp tục thực hiện phong trào *“Cán bộ, công chức thi đua thực hiện văn hóa công sở”*.",
     [("Cán bộ, công chức thi đua thực hiện văn hóa công sở", "movement", None)]),
    ("tham gia Hội thi cán bộ “Tham mưu tốt, dân vận khéo”.",
     [("Tham mưu tốt, dân vận khéo", "movement", "Tham mưu tốt, dân vận khéo")]),
    ("cải tiến lề lối làm việc theo hướng “gần dân, hiểu dân, trọng dân, học dân và có trách nhiệm với nhân dân”.",
     [("gần dân, hiểu dân, trọng dân, học dân và có trách nhiệm với nhân dân", "style",
       "Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân")]),
    # a cue right before the quote wins over the citation further back
    ("Chỉ thị số 15-CT/TU ngày 21/11/2022 của Ban Thường vụ Thành ủy về đẩy mạnh dân chủ theo phương châm "
     "“dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
     [("dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng", "motto",
       "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng")]),
    # titles of cited documents, programs and articles are not slogans, even when the lexicon knows them
    ("Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
     "phong cách Hồ Chí Minh”.", []),
    ("Quyết định số 217-QĐ/TW của Bộ Chính trị ban hành “Quy chế giám sát và phản biện xã hội”; “Quy định về việc "
     "Mặt trận Tổ quốc góp ý xây dựng Đảng”.", []),
    ("Chỉ thị số 07-CT/TU ngày 08/9/2021 của Ban Thường vụ Thành ủy “về đẩy mạnh công tác dân vận”.", []),
    ("triển khai Kế hoạch số 15/KH-SGDĐT của Sở gắn với “Dân vận khéo” trong trường học.",
     [("Dân vận khéo", "movement", "Dân vận khéo")]),
    ("nâng cao hiệu quả thực hiện Đề án “Văn hóa công vụ” theo Quyết định.", []),
    ("nhất là các nội dung trong bài báo “Dân vận” của Chủ tịch Hồ Chí Minh.", []),
    # names of offices and scare quotes
    ("tại các bộ phận “Một cửa” và phòng “Tiếp công dân” của Sở.", []),
    ("phòng, chống “tự diễn biến”, “tự chuyển hóa”; xử lý “điểm nóng”, “lợi ích nhóm”.", []),
    ("không để xảy ra “điểm nóng” về an ninh trật tự.", []),
    # no cue, not in the lexicon: a short noun phrase is not a slogan, a parallel chant is
    ("còn tình trạng “nặng về hình thức” ở một số chi hội.", []),
    ("thực hiện “đúng quy trình, đúng thời gian, đúng đối tượng” trong giải quyết hồ sơ.",
     [("đúng quy trình, đúng thời gian, đúng đối tượng", "motto", None)]),
    ("với tinh thần “chủ động, sáng tạo, hiệu quả”.", [("chủ động, sáng tạo, hiệu quả", "motto", None)]),
    ("phát huy truyền thống “Trung dũng, kiên cường”.", [("Trung dũng, kiên cường", "motto", None)]),
    ("phát huy truyền thống “Anh hùng” của quê hương.", []),
    # italics standing for quotes; an italic label is not
    ("hưởng ứng phong trào thi đua *Xây dựng trường học hạnh phúc* trong toàn ngành.\n\n*Phòng Thanh tra:* đã làm.",
     [("Xây dựng trường học hạnh phúc", "movement", "Xây dựng trường học hạnh phúc")]),
    # a list of quotes shares the cue of its first one
    ("các mô hình: “Dân vận khéo trong giải quyết đơn thư”; “Dân vận khéo trong đối thoại với công dân”.",
     [("Dân vận khéo trong giải quyết đơn thư", "model", None),
      ("Dân vận khéo trong đối thoại với công dân", "model", None)]),
    # a year named for its theme; a theme after "Chủ đề công tác năm … :"
    ("Năm 2025 được xác định là “Năm tăng tốc, bứt phá về đích”.", [("Năm tăng tốc, bứt phá về đích", "theme", None)]),
    ("Chủ đề công tác năm 2024 của ngành Tư pháp: “Nâng cao chất lượng xây dựng, thi hành pháp luật”.",
     [("Nâng cao chất lượng xây dựng, thi hành pháp luật", "theme", None)]),
    ("Duy trì khẩu hiệu “An toàn là bạn, tai nạn là thù”.", [("An toàn là bạn, tai nạn là thù", "motto", None)]),
    # a cue too far back or across a preposition; a lower-case word is a scare quote
    ("chuyển đổi mô hình tăng trưởng từ “truyền thống” sang hiện đại.", []),
    ("phát triển mô hình “xanh” trong nông nghiệp.", []),
    ("Duy trì các mô hình *(chi tiết tại Phụ lục)*.", []),
    ("Kết quả xếp loại “Hoàn thành tốt nhiệm vụ”; tránh tình trạng “trên nóng, dưới lạnh”, “nói nhiều làm ít”.", []),
    # "chủ đề" with no year in sight names an event; legal texts quote words to amend
    ("Tổ chức Hội nghị với chủ đề “Chuyển đổi số trong giáo dục”.", []),
    ("Thay cụm từ “hóa chất nguy hiểm, hóa chất độc, hóa chất cấm” bằng cụm từ “hóa chất”.", []),
    ("tặng danh hiệu “Gia đình văn hóa”, Giấy khen “Hoàn thành xuất sắc nhiệm vụ”.", []),
    # the nearest introducer wins
    ("Hội đồng Thi đua - Khen thưởng huyện tặng danh hiệu “Tập thể lao động tiên tiến”.", []),
    ("đăng ký danh hiệu thi đua “Lao động tiên tiến”.", []),
    ("phong trào thi đua gắn với Đề án “Văn hóa công vụ”.", []),
    # a campaign run as a programme is a movement; a programme document cited by number is not
    ("Phối hợp tổ chức chương trình “Tiếp sức mùa thi” năm 2025 tại các điểm thi.",
     [("Tiếp sức mùa thi", "movement", None)]),
    ("Thực hiện Chương trình số 15/CTr-UBND ngày 10/01/2025 về “Phát triển du lịch cộng đồng”.", []),
    ("Thực hiện Chương trình hành động “Đẩy mạnh chuyển đổi số giai đoạn 2025 - 2030”.", []),
    # a theme after a colon without quotes
    ("Chủ đề năm 2025 của huyện: Tăng tốc, bứt phá, hoàn thành thắng lợi các mục tiêu của nhiệm kỳ.\n\n1. Làm.",
     [("Tăng tốc, bứt phá, hoàn thành thắng lợi các mục tiêu của nhiệm kỳ", "theme", None)]),
    # a fund raised as a campaign, and campaigns named by their own shape
    ("Vận động cán bộ, công chức ủng hộ Quỹ “Đền ơn đáp nghĩa” của huyện.", [("Đền ơn đáp nghĩa", "movement", None)]),
    ("Hưởng ứng “Tháng hành động vì an toàn thực phẩm” năm 2025.",
     [("Tháng hành động vì an toàn thực phẩm", "movement", None)]),
    ("Tổ chức các hoạt động “Ngày vì nạn nhân chất độc da cam” tại xã.",
     [("Ngày vì nạn nhân chất độc da cam", "movement", None)]),
    ("Mỗi chi đoàn tổ chức 01 “Phiên chợ nhân ái” cho hộ khó khăn.", [("Phiên chợ nhân ái", "model", None)]),
    ("Mỗi tổ dân phố nhận 01 “Tuyến phố Phụ nữ tự quản” về vệ sinh môi trường.",
     [("Tuyến phố Phụ nữ tự quản", "model", None)]),
    # a contest named by the law it is on, and game-show formats, are no slogans
    ("Tổ chức Cuộc thi trực tuyến “Tìm hiểu Bộ luật Lao động năm 2019” cho đoàn viên.", []),
    ("Tổ chức Hội thi “Rung chuông vàng” cho học sinh khối 6.", []),
    ("Tổ chức Cuộc thi “Tìm hiểu lịch sử Đảng bộ huyện” cho đoàn viên.",
     [("Tìm hiểu lịch sử Đảng bộ huyện", "movement", None)]),
    # "chủ đề" without a year in its clause names an event's topic (the next table cell's year does not count)
    ("1\tThi viết bài theo chủ đề “Biết ơn thầy cô”.\tĐoàn trường\tTháng 11/2025", []),
    # nationally known slogans quoted with no cue, or after a column or topic they name
    ("Vận động các quán ăn ký cam kết thực hiện “Đã uống rượu, bia - Không lái xe”.",
     [("Đã uống rượu, bia - Không lái xe", "movement", "Đã uống rượu, bia - Không lái xe")]),
    ("Trồng 2.000 cây xanh hưởng ứng “Tết trồng cây đời đời nhớ ơn Bác Hồ”.",
     [("Tết trồng cây đời đời nhớ ơn Bác Hồ", "movement", None)]),
    ("Duy trì chuyên trang “Làm theo lời Bác” trên Cổng thông tin điện tử.",
     [("Làm theo lời Bác", "movement", "Làm theo lời Bác")]),
    ("Triển khai chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm” giai đoạn 2021 - 2025.",
     [("Xây dựng trường mầm non lấy trẻ làm trung tâm", "movement", None)]),
    ("Xây dựng gia đình “Ông bà, cha mẹ mẫu mực, con cháu thảo hiền” ở khu dân cư.",
     [("Ông bà, cha mẹ mẫu mực, con cháu thảo hiền", "movement", None)]),
    ("Tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” ở 100% khu dân cư.",
     [("Ngày hội Đại đoàn kết toàn dân tộc", "movement", None)]),
    ("vận động xây dựng “Quỹ Đền ơn đáp nghĩa” tại các xã.", [("Quỹ Đền ơn đáp nghĩa", "movement", "Đền ơn đáp nghĩa")]),
    ("Tổ chức “Chợ Tết 0 đồng” cho hộ nghèo.", [("Chợ Tết 0 đồng", "model", None)]),
    # a term-long theme; a column with any other name is a title; an anniversary is no slogan
    ("gắn với chuyên đề toàn khóa “Đoàn kết, kỷ cương, sáng tạo, phát triển”.",
     [("Đoàn kết, kỷ cương, sáng tạo, phát triển", "theme", None)]),
    ("Duy trì chuyên mục “Gương sáng quê hương” trên đài truyền thanh.", []),
    ("Tổ chức Hội thi tìm hiểu “55 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh”.", []),
    ("Quyết định số 387/QĐ-TTg ngày 25/3/2022 phê duyệt Chương trình “Thúc đẩy học tập suốt đời trong gia đình”.",
     []),
    # a count before a named quote: a model built or run in units; a works and a scholarship by their cue words
    ("Hỗ trợ xây mới, sửa chữa 40 “Mái ấm Công đoàn” cho đoàn viên khó khăn.", [("Mái ấm Công đoàn", "model", None)]),
    ("mỗi chi hội nhận ít nhất 01 “Tuyến đường hoa” tại khu dân cư.", [("Tuyến đường hoa", "model", None)]),
    ("hoàn thành 04 km công trình “Thắp sáng đường quê” tại xã.", [("Thắp sáng đường quê", "model", None)]),
    ("trao 20 suất học bổng “Tiếp bước đến trường” cho học sinh nghèo.",
     [("Tiếp bước đến trường", "movement", None)]),
    # ... but not a lower-case word after a count, nor a document a count stands before
    ("đạt 100 “điểm” trong kỳ đánh giá.", []),
    ("ban hành 02 “Quy chế phối hợp” với các đơn vị.", []),
]


@pytest.mark.parametrize("text, want", CASES, ids=[c[0][:40] for c in CASES])
def test_context(text, want):
    got = [(s.text, s.kind, s.canonical) for s in _slogans(text)]
    assert [(t, k) for t, k, _ in got] == [(t, k) for t, k, _ in want]
    for (_, _, c), (_, _, wc) in zip(got, want, strict=True):
        if wc is not None:
            assert c == wc


def test_offsets_point_into_the_text():
    doc = _doc("Phong trào «Dân vận khéo» và phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, "
               "dân thụ hưởng”.")
    for s in find_slogans(doc, Header(), []):
        assert doc.text[s.start:s.end] == s.text


def test_typo_repetitions_share_the_canonical():
    got = _slogans("phong cách “nghe dân nói”, “nói dân hiểu”, “hướng dẫn dân làm”, “làm dân tin”. Sau đó lại "
                   "nhắc: “nghe dân nói”, “nói dân biết”, “hướng dân dân làm”; phương châm “Chân thành, tích cực, "
                   "thận trọng, kiên trì, tể nhị, hiệu quả”.")
    canon = {s.text: s.canonical for s in got}
    assert canon["nói dân biết"] == "nói dân hiểu"
    assert canon["hướng dân dân làm"] == "hướng dẫn dân làm"
    assert canon["Chân thành, tích cực, thận trọng, kiên trì, tể nhị, hiệu quả"].endswith("tế nhị, hiệu quả")
    assert len({s.canonical for s in got}) == 5


def test_first_mention_with_a_typo_is_not_forced_onto_the_lexicon():
    # "nói dân biết" alone, with no full quote of the style in the file, keeps its own wording
    got = _slogans("thực hiện phong cách “nói dân biết”.")
    assert [(s.text, s.canonical) for s in got] == [("nói dân biết", "nói dân biết")]


def test_used_citations_exclude_their_titles():
    from docanalyze.items import Citation

    text = "Theo Kế hoạch 12/KH-UBND của UBND huyện về “Dân vận khéo trong cải cách hành chính”."
    doc = _doc(text)
    start = doc.text.index("Kế hoạch")
    cit = Citation(text="Kế hoạch 12/KH-UBND", start=start, end=start + len("Kế hoạch 12/KH-UBND"))
    assert find_slogans(doc, Header(), [cit]) == []


# ------------------------------------------------------------------ labelled documents
def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("slogans_*.gold.json"))


def _matches(gold: dict, pred: list) -> tuple[int, int, int]:
    """tp, fp, fn the way ../shared/eval/score.py counts slogans (one per distinct slogan)."""
    from rapidfuzz import fuzz

    def close(a: str, b: str) -> float:
        a, b = fold(a), fold(b)
        short, long_ = sorted((a, b), key=len)
        if short and short in long_ and len(short) / len(long_) >= 0.6:
            return 100.0
        return fuzz.ratio(a, b)

    used: set[int] = set()
    tp = fn = 0
    for g in gold["slogans"]:
        scored = [(max(close(p.canonical, g["text"]), close(p.text, g["text"])), i)
                  for i, p in enumerate(pred) if i not in used]
        score, i = max(scored, default=(0.0, -1))
        if score >= 90:
            used.add(i)
            tp += 1
        else:
            fn += 1
    matched = [pred[i].canonical for i in used]
    extra = {fold(p.canonical) for i, p in enumerate(pred)
             if i not in used and not any(close(p.canonical, m) >= 90 for m in matched)}
    return tp, len(extra), fn


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf"])
@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.stem)
def test_labelled_documents(gold_path, ext):
    """Every labelled document, and its Word and PDF copies (tools/make_fixtures.py) when present."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = (ROOT / "corpus" / gold["doc"]).with_suffix(ext)
    if not path.exists():
        pytest.skip(f"no {ext} copy of {gold['doc']}")
    doc = load(path)
    pred = find_slogans(doc, parse_header(doc), [])
    tp, fp, fn = _matches(gold, pred)
    assert (fp, fn) == (0, 0), [(s.text, s.kind) for s in pred]
    kinds = {fold(g["text"]): g["kind"] for g in gold["slogans"]}
    for s in pred:
        want = kinds.get(fold(s.canonical)) or kinds.get(fold(s.text))
        if want:
            assert s.kind == want, s.text


@pytest.mark.parametrize("name, n", [
    ("000_07ede3dda3013cba.txt", 20), ("001_6a6dedc90bf0a00e.txt", 3), ("003_df02fa6b7fd9d86e.txt", 3),
])
def test_shared_corpus_distinct_slogans(corpus, name, n):
    doc = load(corpus / name)
    got = find_slogans(doc, parse_header(doc), [])
    assert len({fold(s.canonical) for s in got}) == n
    assert not any("điểm nóng" in s.text or s.text == "Dân vận" or s.text.startswith("Quy chế") for s in got)
