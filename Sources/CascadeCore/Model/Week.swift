/// An ISO 8601 week, `YYYY-Www`: it belongs to the year of its Thursday and
/// starts on Monday.
public struct Week: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var number: Int

    public init?(year: Int, number: Int) {
        guard number >= 1, number <= Week.weeksIn(year: year) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `YYYY-Www` naming a week that exists.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 8, u[4] == 0x2D, u[5] == 0x57 else { return nil }
        var y = 0
        for c in u[0..<4] { guard c >= 0x30, c <= 0x39 else { return nil }; y = y * 10 + Int(c - 0x30) }
        var n = 0
        for c in u[6..<8] { guard c >= 0x30, c <= 0x39 else { return nil }; n = n * 10 + Int(c - 0x30) }
        self.init(year: y, number: n)
    }

    /// The week that contains `day`.
    public init(containing day: Day) {
        let thursday = day.adding(days: 4 - day.weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)
        self.year = thursday.year
        self.number = (thursday.ordinal - jan1.ordinal) / 7 + 1
    }

    /// 52 or 53: a year has 53 weeks when it starts on a Thursday, or on a
    /// Wednesday in a leap year.
    public static func weeksIn(year: Int) -> Int {
        let jan1 = Day(year: year, month: 1, day: 1).weekday
        return jan1 == 4 || (jan1 == 3 && Day.isLeap(year)) ? 53 : 52
    }

    public var monday: Day {
        let jan4 = Day(year: year, month: 1, day: 4)
        let week1Monday = jan4.adding(days: 1 - jan4.weekday)
        return week1Monday.adding(days: (number - 1) * 7)
    }

    public var thursday: Day { monday.adding(days: 3) }
    public var friday: Day { monday.adding(days: 4) }
    public var sunday: Day { monday.adding(days: 6) }

    public func adding(weeks: Int) -> Week { Week(containing: monday.adding(days: 7 * weeks)) }
    public var previous: Week { adding(weeks: -1) }
    public var next: Week { adding(weeks: 1) }

    public static func < (a: Week, b: Week) -> Bool {
        a.year != b.year ? a.year < b.year : a.number < b.number
    }

    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (number < 10 ? "0" : "") + String(number)
    }
}
