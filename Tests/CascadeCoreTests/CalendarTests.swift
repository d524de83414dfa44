import CascadeCore
import Testing

@Suite("weeks, days and quarters")
struct CalendarTests {
    @Test func isoWeeksBelongToTheYearOfTheirThursday() {
        #expect(Week.weeksIn(year: 2026) == 53)
        #expect(Week.weeksIn(year: 2025) == 52)
        #expect(Week.weeksIn(year: 2020) == 53)
        #expect(Week("2026-W53") != nil)
        #expect(Week("2025-W53") == nil)
        #expect(Week("2026-W00") == nil)
        #expect(Week("2026-48") == nil)
        #expect(Week("2026-W48")!.monday == Day(year: 2026, month: 11, day: 23))
        #expect(Week(containing: Day(year: 2027, month: 1, day: 1)) == Week("2026-W53"))
        #expect(Week(containing: Day(year: 2024, month: 12, day: 30)) == Week("2025-W01"))
        #expect(Week("2026-W53")!.next == Week("2027-W01"))
        #expect(Week("2026-W01")!.previous == Week("2025-W52"))
        #expect(Week("2026-W48")!.friday.description == "2026-11-27")
    }

    @Test func daysAreRealDates() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("26-11-01") == nil)
        #expect(Day(ordinal: Day(year: 2026, month: 11, day: 25).ordinal) == Day(year: 2026, month: 11, day: 25))
        #expect(Day(year: 2026, month: 11, day: 23).weekday == 1)
    }

    @Test func fiscalQuartersAreNamedByTheYearTheyEnd() {
        #expect(Quarter(containing: Day(year: 2026, month: 11, day: 25), fiscalYearStartMonth: 1).description == "2026-Q4")
        #expect(Quarter(containing: Day(year: 2026, month: 2, day: 1), fiscalYearStartMonth: 2).description == "2027-Q1")
        #expect(Quarter(containing: Day(year: 2026, month: 4, day: 30), fiscalYearStartMonth: 2).description == "2027-Q1")
        #expect(Quarter(containing: Day(year: 2026, month: 1, day: 31), fiscalYearStartMonth: 2).description == "2026-Q4")
        // A week belongs to the quarter of its Thursday: 2026-W40 runs Sep 28 to Oct 4, Thursday Oct 1.
        #expect(Quarter(of: Week("2026-W40")!, fiscalYearStartMonth: 1).description == "2026-Q4")
        #expect(Quarter("2026-Q5") == nil)
    }

    @Test func wordsAreTokensWithALetterOrDigit() {
        #expect(WordCount.count("Acme is the one - to watch: $120k | 2026 — ok") == 9)
        #expect(WordCount.count("") == 0)
        #expect(WordCount.count("東京 café ñandú") == 3)
    }

}
