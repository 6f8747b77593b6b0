import Foundation
import OuroborosCore
import Testing

@Suite("Calendar periods and timelines")
struct CalendarTests {
    @Test(
        "reads months, quarters, years and days",
        arguments: [
            ("2025-09", "2025-09"), ("2025Q3", "2025Q3"), ("2025-Q3", "2025Q3"), ("2025q3", "2025Q3"),
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
        let short = #expect(throws: UnitParseError.self) { try CalendarPeriod(parsing: "2025-1") }
        #expect(short?.reason == "write the month with two digits: 2025-01")
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

    @Test("a monthly timeline: period 0 is the opening, periods 1 … N the simulated months")
    func monthlyTimeline() throws {
        let timeline = Timeline(start: CalendarPeriod(year: 2025, month: 9), step: .monthly, periods: 24)
        #expect(timeline.label(0) == "2025-08")
        #expect(timeline.label(1) == "2025-09")
        #expect(timeline.label(5) == "2026-01")
        #expect(timeline.labels.count == 25)
        #expect(timeline.lastMonth.description == "2027-08")
        #expect(timeline.horizonDescription == "2025-09 … 2027-08")
        #expect(timeline.period(containing: CalendarPeriod(year: 2026, quarter: 1)) == 5)
        #expect(timeline.period(containing: CalendarPeriod(year: 2026)) == 5)
        #expect(timeline.period(containing: CalendarPeriod(year: 2025, month: 8)) == nil)
        #expect(timeline.period(containing: CalendarPeriod(year: 2027, month: 9)) == nil)
        #expect(timeline.unboundedPeriod(containingMonth: CalendarPeriod(year: 2027, month: 9).monthIndex) == 25)
        #expect(try timeline.period(ofLabel: "2026-03") == 7)
        #expect(try timeline.period(ofLabel: "2026-03-31") == 7)
        #expect(timeline.periodsPerYear == 12)
        #expect(timeline.yearFraction == 1.0 / 12)
        #expect(timeline.periods(overlapping: CalendarPeriod(year: 2026)) == 5..<17)
        #expect(timeline.periods(overlapping: CalendarPeriod(year: 2025)) == 1..<5)
        #expect(timeline.periods(overlapping: CalendarPeriod(year: 2030)).isEmpty)
        #expect(throws: UnitParseError.self) { try timeline.period(ofLabel: "soon") }
    }

    @Test("a quarterly timeline starts at the quarter holding its first month")
    func quarterlyTimeline() {
        let timeline = Timeline(start: CalendarPeriod(year: 2025, month: 8), step: .quarterly, periods: 8)
        #expect(timeline.start.description == "2025Q3")
        #expect(timeline.label(0) == "2025Q2")
        #expect(timeline.label(2) == "2025Q4")
        #expect(timeline.label(3) == "2026Q1")
        #expect(timeline.period(containing: CalendarPeriod(year: 2026, month: 2)) == 3)
        #expect(timeline.period(containing: CalendarPeriod(year: 2025, month: 6)) == nil)
        #expect(timeline.periodsPerYear == 4)
        #expect(timeline.monthsPerStep == 3)
        #expect(timeline.periods(overlapping: CalendarPeriod(year: 2026)) == 3..<7)
    }

    @Test("a timeline from one period through another, nil when the end comes first")
    func fromThrough() throws {
        let monthly = try #require(Timeline(from: CalendarPeriod(year: 2025, month: 9), through: CalendarPeriod(year: 2026)))
        #expect(monthly.periods == 16)
        #expect(monthly.lastMonth.description == "2026-12")
        let quarterly = try #require(
            Timeline(from: CalendarPeriod(year: 2025, quarter: 3), through: CalendarPeriod(year: 2027, quarter: 2), step: .quarterly))
        #expect(quarterly.periods == 8)
        #expect(Timeline(from: CalendarPeriod(year: 2026, month: 1), through: CalendarPeriod(year: 2025, month: 12)) == nil)
    }

    @Test("a timeline encodes as startYear, startMonth, monthsPerStep, periods and reads back")
    func codable() throws {
        let timeline = Timeline(start: CalendarPeriod(year: 2025, month: 1), step: .quarterly, periods: 8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(timeline)
        #expect(String(decoding: data, as: UTF8.self) == #"{"monthsPerStep":3,"periods":8,"startMonth":1,"startYear":2025}"#)
        #expect(try JSONDecoder().decode(Timeline.self, from: data) == timeline)
        let bad = Data(#"{"monthsPerStep":2,"periods":8,"startMonth":1,"startYear":2025}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Timeline.self, from: bad) }
    }
}
