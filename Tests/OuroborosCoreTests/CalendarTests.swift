import OuroborosCore
import Testing

@Suite("Calendar periods and timelines")
struct CalendarTests {
    @Test(
        "reads months, quarters, years and days",
        arguments: [
            ("2025-09", "2025-09"), ("2025-9", "2025-09"), ("2025Q3", "2025Q3"), ("2025-Q3", "2025Q3"), ("2025q3", "2025Q3"),
            ("2025 Q3", "2025Q3"), ("Q3 2025", "2025Q3"), ("2025", "2025"), ("2025-09-15", "2025-09"), (" 2024-02-29 ", "2024-02"),
        ])
    func parses(text: String, label: String) throws {
        #expect(try CalendarPeriod(parsing: text).description == label)
    }

    @Test("granularity, year, month and quarter")
    func fields() throws {
        let month = try CalendarPeriod(parsing: "2025-09")
        #expect(month.granularity == .month && month.year == 2025 && month.month == 9 && month.quarter == 3)
        let quarter = try CalendarPeriod(parsing: "2025Q3")
        #expect(quarter.granularity == .quarter && quarter.month == 7 && quarter.lengthInMonths == 3)
        let year = try CalendarPeriod(parsing: "2025")
        #expect(year.granularity == .year && year.month == 1 && year.lengthInMonths == 12)
    }

    @Test("refuses impossible dates and says why")
    func rejects() {
        let month = #expect(throws: UnitParseError.self) { try CalendarPeriod(parsing: "2025-13") }
        #expect(month?.description == #"expected a period such as 2025-09, 2025Q3 or 2025, found "2025-13" (month 13 is not between 1 and 12)"#)
        let quarter = #expect(throws: UnitParseError.self) { try CalendarPeriod(parsing: "2025Q5") }
        #expect(quarter?.reason == "quarter 5 is not between 1 and 4")
        let day = #expect(throws: UnitParseError.self) { try CalendarPeriod(parsing: "2025-02-29") }
        #expect(day?.reason == "day 29 is not between 1 and 28")
        for text in ["25-09", "September 2025", "2025-", "2025Q", "2025-09-", "20255", "2025/09", "", "nan", "2025-0x"] {
            #expect(throws: UnitParseError.self) { try CalendarPeriod(parsing: text) }
        }
    }

    @Test("first and last months, and containment")
    func firstAndLast() {
        let q3 = CalendarPeriod(year: 2025, quarter: 3)
        #expect(q3.firstMonth == CalendarPeriod(year: 2025, month: 7))
        #expect(q3.lastMonth == CalendarPeriod(year: 2025, month: 9))
        #expect(CalendarPeriod(year: 2025).lastMonth.description == "2025-12")
        #expect(q3.contains(CalendarPeriod(year: 2025, month: 8)))
        #expect(!q3.contains(CalendarPeriod(year: 2025, month: 10)))
        #expect(CalendarPeriod(year: 2025).contains(q3))
        #expect(!q3.contains(CalendarPeriod(year: 2025)))
    }

    @Test("month arithmetic crosses years in both directions")
    func addingMonths() {
        #expect(CalendarPeriod(year: 2025, month: 11).adding(months: 3).description == "2026-02")
        #expect(CalendarPeriod(year: 2025, month: 1).adding(months: -1).description == "2024-12")
        #expect(CalendarPeriod(year: 2025, month: 1).adding(months: -25).description == "2022-12")
        #expect(CalendarPeriod(year: 2025, quarter: 3).adding(months: 6).description == "2026Q1")
        #expect(CalendarPeriod(year: 2025, quarter: 3).adding(months: 1).description == "2025Q3")
        #expect(CalendarPeriod(year: 2025, quarter: 1).advanced(by: -1).description == "2024Q4")
        #expect(CalendarPeriod(year: 2025).advanced(by: 2).description == "2027")
        #expect(CalendarPeriod(year: 2025, month: 9).converted(to: .quarter).description == "2025Q3")
    }

    @Test("months between periods count from first month to first month")
    func monthsBetween() {
        let september = CalendarPeriod(year: 2025, month: 9)
        #expect(september.months(to: CalendarPeriod(year: 2026, quarter: 1)) == 4)
        #expect(CalendarPeriod.monthsBetween(CalendarPeriod(year: 2026, quarter: 1), september) == -4)
        #expect(CalendarPeriod.monthsBetween(CalendarPeriod(year: 2025), CalendarPeriod(year: 2027)) == 24)
    }

    @Test("orders by first month, longer periods first")
    func ordering() {
        let sorted = [
            CalendarPeriod(year: 2025), CalendarPeriod(year: 2025, quarter: 1), CalendarPeriod(year: 2025, month: 1),
            CalendarPeriod(year: 2025, month: 2), CalendarPeriod(year: 2025, quarter: 2), CalendarPeriod(year: 2026, month: 1),
        ]
        #expect(sorted.shuffled().sorted() == sorted)
    }

    @Test("a monthly timeline maps indices to labels and dates to indices")
    func monthlyTimeline() throws {
        let timeline = Timeline(start: CalendarPeriod(year: 2025, month: 9), step: .monthly, count: 24)
        #expect(timeline.label(at: 0) == "2025-09")
        #expect(timeline.label(at: 4) == "2026-01")
        #expect(timeline.end?.description == "2027-08")
        #expect(timeline.index(of: CalendarPeriod(year: 2026, quarter: 1)) == 4)
        #expect(timeline.index(of: CalendarPeriod(year: 2026)) == 4)
        #expect(timeline.index(of: CalendarPeriod(year: 2025, month: 8)) == nil)
        #expect(timeline.index(of: CalendarPeriod(year: 2027, month: 9)) == nil)
        #expect(try timeline.index(ofLabel: "2026-03") == 6)
        #expect(try timeline.index(ofLabel: "2026-03-31") == 6)
        #expect(timeline.periodsPerYear == 12)
        #expect(timeline.periods.count == 24)
        #expect(timeline.indices(overlapping: CalendarPeriod(year: 2026)) == 4..<16)
        #expect(timeline.indices(overlapping: CalendarPeriod(year: 2025)) == 0..<4)
        #expect(timeline.indices(overlapping: CalendarPeriod(year: 2030)).isEmpty)
        #expect(throws: UnitParseError.self) { try timeline.index(ofLabel: "soon") }
    }

    @Test("a quarterly timeline starts at the quarter holding its first month")
    func quarterlyTimeline() {
        let timeline = Timeline(start: CalendarPeriod(year: 2025, month: 8), step: .quarterly, count: 8)
        #expect(timeline.start.description == "2025Q3")
        #expect(timeline.label(at: 1) == "2025Q4")
        #expect(timeline.label(at: 2) == "2026Q1")
        #expect(timeline.index(of: CalendarPeriod(year: 2026, month: 2)) == 2)
        #expect(timeline.index(of: CalendarPeriod(year: 2025, month: 6)) == nil)
        #expect(timeline.periodsPerYear == 4)
        #expect(timeline.indices(overlapping: CalendarPeriod(year: 2026)) == 2..<6)
    }

    @Test("a timeline from one period through another")
    func fromThrough() {
        let monthly = Timeline(from: CalendarPeriod(year: 2025, month: 9), through: CalendarPeriod(year: 2026))
        #expect(monthly.count == 16)
        #expect(monthly.end?.description == "2026-12")
        let quarterly = Timeline(from: CalendarPeriod(year: 2025, quarter: 3), through: CalendarPeriod(year: 2027, quarter: 2), step: .quarterly)
        #expect(quarterly.count == 8)
    }
}
