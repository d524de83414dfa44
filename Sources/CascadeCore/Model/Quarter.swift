/// A fiscal quarter, `YYYY-Qn`. A fiscal year is named by the calendar year
/// in which it ends; a week belongs to the quarter of its Thursday.
public struct Quarter: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == 0x2D, u[5] == 0x51, (0x31...0x34).contains(u[6]),
            let y = Int(String(decoding: u[0..<4], as: UTF8.self))
        else { return nil }
        self.init(year: y, number: Int(u[6] - 0x30))
    }

    /// The fiscal quarter of `day`, fiscal years starting in `startMonth`.
    public init(containing day: Day, fiscalYearStartMonth startMonth: Int) {
        let offset = (day.month - startMonth + 12) % 12
        number = offset / 3 + 1
        year = startMonth == 1 ? day.year : (day.month >= startMonth ? day.year + 1 : day.year)
    }

    public init(of week: Week, fiscalYearStartMonth startMonth: Int) {
        self.init(containing: week.thursday, fiscalYearStartMonth: startMonth)
    }

    /// The first day of the quarter: fiscal year Y starting in month S (> 1) runs from S of Y-1.
    public func firstDay(fiscalYearStartMonth startMonth: Int) -> Day {
        let months = (startMonth - 1) + 3 * (number - 1)
        let base = startMonth == 1 ? year : year - 1
        return Day(year: base + months / 12, month: months % 12 + 1, day: 1)
    }

    public func lastDay(fiscalYearStartMonth startMonth: Int) -> Day {
        let first = firstDay(fiscalYearStartMonth: startMonth)
        let months = first.month - 1 + 3
        return Day(year: first.year + months / 12, month: months % 12 + 1, day: 1).adding(days: -1)
    }

    /// The quarter's first week: the first whose Thursday falls in it.
    public func firstWeek(fiscalYearStartMonth startMonth: Int) -> Week {
        let first = firstDay(fiscalYearStartMonth: startMonth)
        let week = Week(containing: first)
        return week.thursday < first ? week.next : week
    }

    /// Its months as a reader says them: "November 2025 to January 2026".
    public func months(fiscalYearStartMonth startMonth: Int) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let first = firstDay(fiscalYearStartMonth: startMonth), last = lastDay(fiscalYearStartMonth: startMonth)
        return "\(names[first.month - 1]) \(first.year) to \(names[last.month - 1]) \(last.year)"
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    public var description: String { "\(year)-Q\(number)" }
}
