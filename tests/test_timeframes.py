"""Time expressions -> intervals, and which of them bind work (table-driven)."""
from __future__ import annotations

import datetime as dt

import pytest

from docanalyze.extract.timeframes import YearContext, context_for, find_timeframes, parse_timeframe
from docanalyze.items import Header

Y25 = YearContext(2025)
SCHOOL = YearContext(2024, (2024, 2025))


def d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


# (text, context, start, end, kind)
CELLS = [
    ("Quý I/2025", Y25, "2025-01-01", "2025-03-31", "interval"),
    ("Quý IV/2025", Y25, "2025-10-01", "2025-12-31", "interval"),
    ("Quý I-Quý III/2025", Y25, "2025-01-01", "2025-09-30", "interval"),
    ("Quý I - Quý II/2025", Y25, "2025-01-01", "2025-06-30", "interval"),
    ("Quý II, III/2024", Y25, "2024-04-01", "2024-09-30", "interval"),
    ("Quý III - IV/2024", Y25, "2024-07-01", "2024-12-31", "interval"),
    ("Quý 1/2025", Y25, "2025-01-01", "2025-03-31", "interval"),
    ("QUÝ III NĂM 2024", Y25, "2024-07-01", "2024-09-30", "interval"),
    ("Quý IV", Y25, "2025-10-01", "2025-12-31", "interval"),
    ("Quý IV/2024 - Quý I/2025", Y25, "2024-10-01", "2025-03-31", "interval"),
    ("Tháng 6/2024", Y25, "2024-06-01", "2024-06-30", "interval"),
    ("Tháng 02/2024", Y25, "2024-02-01", "2024-02-29", "interval"),
    ("tháng 12", Y25, "2025-12-01", "2025-12-31", "interval"),
    ("Tháng 6-8/2024", Y25, "2024-06-01", "2024-08-31", "interval"),
    ("Tháng 3, 4/2025", Y25, "2025-03-01", "2025-04-30", "interval"),
    ("Tháng 12/2024 - Tháng 2/2025", Y25, "2024-12-01", "2025-02-28", "interval"),
    ("Từ tháng 3 đến tháng 5/2024", Y25, "2024-03-01", "2024-05-31", "interval"),
    ("Tháng 6/2025 và tháng 11/2025", Y25, "2025-06-01", "2025-11-30", "interval"),
    ("6 tháng đầu năm", Y25, "2025-01-01", "2025-06-30", "interval"),
    ("06 tháng cuối năm 2023", Y25, "2023-07-01", "2023-12-31", "interval"),
    ("9 tháng đầu năm 2024", Y25, "2024-01-01", "2024-09-30", "interval"),
    ("Cả năm 2025", Y25, "2025-01-01", "2025-12-31", "interval"),
    ("cả năm", Y25, "2025-01-01", "2025-12-31", "interval"),
    ("Năm 2025", Y25, "2025-01-01", "2025-12-31", "interval"),
    ("2025", Y25, "2025-01-01", "2025-12-31", "interval"),
    ("năm học 2023-2024", Y25, "2023-09-01", "2024-05-31", "interval"),
    ("Học kỳ I năm học 2024-2025", Y25, "2024-09-01", "2025-01-15", "interval"),
    ("trước ngày 10/6", Y25, None, "2025-06-10", "before"),
    ("trước ngày 01 tháng 5", YearContext(2023), None, "2023-05-01", "before"),
    ("chậm nhất ngày 10/6/2024", Y25, None, "2024-06-10", "before"),
    ("Chậm nhất là ngày 15/10/2024", Y25, None, "2024-10-15", "before"),
    ("trước 15/11/2024", Y25, None, "2024-11-15", "before"),
    ("Hoàn thành trước ngày 30/9", SCHOOL, None, "2024-09-30", "before"),
    ("hoàn thành trước ngày 30/9", SCHOOL, None, "2024-09-30", "before"),
    ("trước ngày 15/3", SCHOOL, None, "2025-03-15", "before"),
    ("tháng 11", SCHOOL, "2024-11-01", "2024-11-30", "interval"),
    ("từ tháng 10 đến tháng 12", SCHOOL, "2024-10-01", "2024-12-31", "interval"),
    ("Từ tháng 12 đến tháng 3", SCHOOL, "2024-12-01", "2025-03-31", "interval"),
    ("Từ ngày 01/3 đến ngày 15/3/2024", Y25, "2024-03-01", "2024-03-15", "interval"),
    ("từ ngày 15/11 đến ngày 15/12/2023", Y25, "2023-11-15", "2023-12-15", "interval"),
    ("Ngày 15/3/2024", Y25, "2024-03-15", "2024-03-15", "interval"),
    ("trước ngày 10/6, trước ngày 05/12", Y25, None, "2025-12-05", "before"),
    ("Trước ngày 15/10/20 22", Y25, None, "2022-10-15", "before"),  # a PDF cell that wrapped inside the year
    ("Quý II - Quý IV/202 4", Y25, "2024-04-01", "2024-12-31", "interval"),
    # a span into the next year, the second month written without "tháng"
    ("Tháng 11/2025 - 02/2026", Y25, "2025-11-01", "2026-02-28", "interval"),
    ("Tháng 9/2024 - 5/2025", SCHOOL, "2024-09-01", "2025-05-31", "interval"),
    ("tháng 10/2025 đến 3/2026", Y25, "2025-10-01", "2026-03-31", "interval"),
    # two school years listed: the first September to the last May
    ("Năm học 2024 - 2025 và 2025 - 2026", Y25, "2024-09-01", "2026-05-31", "interval"),
    ("năm học 2024-2025, năm học 2025-2026", Y25, "2024-09-01", "2026-05-31", "interval"),
    # a start, then the cut-off that ends it
    ("Từ tháng 3/2025, hoàn thành trước ngày 30/6/2025", Y25, "2025-03-01", "2025-06-30", "interval"),
    ("từ tháng 8, kết thúc trước ngày 20/10", Y25, "2025-08-01", "2025-10-20", "interval"),
    # a bare date in a time cell is a day
    ("12/6/2025", Y25, "2025-06-12", "2025-06-12", "interval"),
    ("26/3", Y25, "2025-03-26", "2025-03-26", "interval"),
]


@pytest.mark.parametrize("text,ctx,start,end,kind", CELLS)
def test_cell_timeframes(text: str, ctx: YearContext, start: str | None, end: str | None, kind: str) -> None:
    tf = parse_timeframe(text, ctx)
    assert tf is not None
    assert (tf.date_start, tf.date_end, tf.kind) == (d(start), d(end), kind)


# (text, kind, recurrence): no date, kept as text
OPEN = [
    ("Hằng quý", "recurring", "quarterly"),
    ("hàng tháng", "recurring", "monthly"),
    ("Định kỳ 6 tháng", "recurring", "half-yearly"),
    ("6 tháng/lần", "recurring", "half-yearly"),
    ("01 quý/lần", "recurring", "quarterly"),
    ("Hằng năm", "recurring", "yearly"),
    ("Trước ngày 15 hằng tháng", "recurring", "monthly"),
    ("trước ngày 20 của tháng cuối quý", "recurring", "quarterly"),
    ("Thường xuyên", "ongoing", None),
    ("Thực hiện theo lịch của thành phố", "unresolved", None),
    ("Theo chỉ đạo của UBND tỉnh", "unresolved", None),
]


@pytest.mark.parametrize("text,kind,rec", OPEN)
def test_open_timeframes(text: str, kind: str | None, rec: str | None) -> None:
    tf = parse_timeframe(text, Y25)
    assert tf is not None and tf.date_start is None and tf.date_end is None
    if kind:
        assert (tf.kind, tf.recurrence) == (kind, rec)


def test_dated_recurrence_keeps_its_date() -> None:
    tf = parse_timeframe("trước ngày 15/12 hằng năm", Y25)
    assert tf is not None and tf.date_end == dt.date(2025, 12, 15) and tf.recurrence == "yearly"


def test_offsets_point_into_the_text() -> None:
    text = "Báo cáo định kỳ 6 tháng trước ngày 10/6, báo cáo năm trước ngày 05/12 kết quả"
    found = [f.timeframe for f in find_timeframes(text, Y25, base=100) if f.anchored]
    assert [t.text for t in found] == ["trước ngày 10/6", "trước ngày 05/12"]
    for t in found:
        assert text[t.start - 100 : t.end - 100] == t.text


# (sentence, expressions that bind work in it)
ANCHORS = [
    ("Phối hợp xây dựng mô hình quản lý dịch hại trên cây lúa trong Quý III.", ["Quý III"]),
    ("Lắp đặt thêm 02 điểm wifi; thời gian thực hiện từ tháng 10 đến tháng 12.", ["từ tháng 10 đến tháng 12"]),
    ("Thời gian: Quý II/2024.", ["Quý II/2024"]),
    ("Tháng 3/2024: xây dựng kế hoạch chi tiết.", ["Tháng 3/2024"]),
    ("tham dự kỳ thi cấp huyện (tháng 12/2024) và cấp tỉnh (tháng 3/2025).", ["tháng 12/2024", "tháng 3/2025"]),
    ("Tổ chức hội nghị vào ngày 20/11/2024 tại hội trường.", ["ngày 20/11/2024"]),
    # the period that closes a who/when aside, and a target's "đến ngày"
    ("Nhân rộng mô hình trồng dược liệu (Phòng Lao động chủ trì, phối hợp Trạm Khuyến nông; Quý II - Quý III/2025).",
     ["Quý II - Quý III/2025"]),
    ("Giải ngân tối thiểu 60% kế hoạch vốn đến ngày 30/6/2025 và 100% đến ngày 31/01/2026.",
     ["đến ngày 30/6/2025", "đến ngày 31/01/2026"]),
    ("Số liệu tính đến ngày 15/6/2025 cho thấy 12 hồ sơ còn tồn.", []),
    ("Kiểm tra các cơ sở (nhà nghỉ, karaoke; tháng 5/2025 có 03 vụ vi phạm).", []),
    # names, not bounds
    ("thực hiện Nghị quyết số 14/2021/NQ-HĐND ngày 10/12/2021 về nông thôn mới giai đoạn 2021 - 2025.", []),
    ("kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948-11/6/2023).", []),
    ("tổng hợp kết quả xét tuyển THPT năm học 2023-2024; khai giảng năm học 2023-2024;", []),
    ("Từ 1/1/2023 đến nay, Sở đã tiếp nhận 686 hồ sơ.", []),
    ("đánh giá kết quả công tác dân vận 06 tháng đầu năm và tổng kết năm 2025 theo quy định.", []),
    ("chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030", []),
    ("Tổ chức cho học sinh làm quen với học liệu số trong học kỳ II.", []),
    # the occasion a piece of work is held on
    ("Tổ chức gặp mặt cựu chiến binh tiêu biểu nhân dịp 27/7.", ["27/7"]),
    ("Tổ chức mít tinh hưởng ứng nhân Ngày Quốc tế Phụ nữ 08/3/2025 tại nhà văn hóa.", ["08/3/2025"]),
    ("Ra quân dọn vệ sinh môi trường vào dịp 26/3.", ["26/3"]),
    # … but not when the statement states its own bound, nor the occasions of every year, nor a cited date
    ("Thăm hỏi gia đình chính sách dịp 27/7; thời gian: cả năm 2025.", ["cả năm 2025"]),
    ("Trao Huy hiệu Đảng vào các dịp 03/2, 19/5, 02/9.", []),
    ("Thực hiện Kế hoạch số 15/KH-UBND ngày 20/3/2025 của UBND tỉnh.", []),
    ("Phát động đợt thi đua “Chào mừng ngày Nhà giáo Việt Nam 20/11” trong toàn trường.", []),
    ("Thăm, tặng quà các gia đình nhân dịp kỷ niệm theo Quyết định số 12/QĐ-UBND ngày 08/5/2025.", []),
    # a month after the name of an event is when the event is held
    ("Tham gia Hội chợ Nông sản an toàn (Agro Expo) tháng 5/2025 và Liên hoan ẩm thực tháng 11/2025.",
     ["tháng 5/2025", "tháng 11/2025"]),
    ("Báo cáo kết quả Hội thi tháng 4/2025 về Sở.", []),
    # the time that closes a who/when statement, every period of its list
    ("Nâng cấp phòng họp trực tuyến. Bộ phận Văn phòng chủ trì; Quý III/2025.", ["Quý III/2025"]),
    ("Sơ kết phong trào thi đua. Công đoàn phối hợp với Giám đốc thực hiện; Tháng 6/2025 và Tháng 12/2025.",
     ["Tháng 6/2025", "Tháng 12/2025"]),
    ("Tuyên truyền pháp luật. Phòng Tư pháp chủ trì, Công an xã phối hợp; 6 tháng cuối năm.", ["6 tháng cuối năm"]),
    # a closing aside of periods, a round's label
    ("Giám sát dịch bệnh tại các chợ (lấy mẫu định kỳ tháng 3, tháng 6, tháng 9 và tháng 12/2025).",
     ["tháng 3, tháng 6, tháng 9 và tháng 12/2025"]),
    ("Tiêm phòng cho đàn trâu, bò (đợt 1: tháng 4 - tháng 5/2025; đợt 2: tháng 10 - tháng 11/2025).",
     ["tháng 4 - tháng 5/2025", "tháng 10 - tháng 11/2025"]),
    ("Tuần tra đảm bảo trật tự giao thông (cả năm, cao điểm tháng 9/2025).", ["cả năm", "tháng 9/2025"]),
    # two days of one month
    ("Tổ chức Lễ hội Xuân; thời gian: Ngày 16 - 17/02/2025 tại sân vận động.", ["Ngày 16 - 17/02/2025"]),
    # "cả năm" naming the annual report, followed by its own cut-off, is the report's period
    ("báo cáo kết quả 6 tháng trước ngày 10/6/2025 và cả năm trước ngày 10/11/2025 về Sở.",
     ["trước ngày 10/6/2025", "trước ngày 10/11/2025"]),
    # the year's end and a full date after "đến" are cut-offs
    ("Phấn đấu đến cuối năm 2025 có 100% thôn đạt chuẩn an toàn.", ["đến cuối năm 2025"]),
    ("Phấn đấu đến 31/12/2025 tổng dư nợ đạt 500 tỷ đồng.", ["đến 31/12/2025"]),
    ("Số liệu tính đến 31/12/2025.", []),
    # the range that says what the plan's year is, or which days figures count
    ("Kế hoạch công tác năm 2025 (từ ngày 01/12/2024 đến ngày 30/11/2025) như sau:", []),
    ("Kế hoạch năm 2025 (số liệu tính từ ngày 01/10/2024 đến ngày 30/9/2025).", []),
    ("Hưởng ứng Tháng hành động năm 2025 (từ ngày 15/4 đến ngày 15/5/2025).", ["từ ngày 15/4 đến ngày 15/5/2025"]),
]


# (sentence, the open start it states): "từ …" with no end is a start and no end
STARTS = [
    ("Thời gian: từ tháng 02/2025.", "từ tháng 02/2025", "2025-02-01"),
    ("Cao điểm trước, trong và sau Tết Nguyên đán (từ ngày 15/12/2024).", "từ ngày 15/12/2024", "2024-12-15"),
]


@pytest.mark.parametrize("text,span,start", STARTS)
def test_open_start(text: str, span: str, start: str) -> None:
    got = [f.timeframe for f in find_timeframes(text, Y25) if f.anchored]
    assert [(t.text, t.date_start, t.date_end, t.kind) for t in got] == [(span, d(start), None, "from")]
    assert parse_timeframe("từ tháng 02/2025", Y25).kind == "from"


@pytest.mark.parametrize("text,expected", ANCHORS)
def test_which_expressions_bind_work(text: str, expected: list[str]) -> None:
    got = [f.timeframe.text for f in find_timeframes(text, SCHOOL if "học kỳ" in text else Y25)
           if f.anchored and f.timeframe.date_end is not None]
    assert got == expected


def test_school_year_context_from_the_title() -> None:
    h = Header(kind="plan", title="Kế hoạch công tác chuyển đổi số năm học 2024-2025", year=2024)
    ctx = context_for(h)
    assert ctx.school == (2024, 2025)
    assert ctx.for_month(9) == 2024 and ctx.for_month(3) == 2025
    assert context_for(Header(title="Thực hiện công tác dân vận năm 2025", year=2025)).school is None
