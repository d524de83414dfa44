/// A noun counted as people read it: "1 deal", "2 deals", "1 person", "3 people".
public struct Noun: Sendable, Hashable {
    public let singular: String
    public let plural: String

    public init(_ singular: String, _ plural: String? = nil) {
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    /// The word for `count`, without the number.
    public func word(_ count: Int) -> String { count == 1 ? singular : plural }

    /// `count` and the word: `Noun("deal")(1)` is "1 deal".
    public func callAsFunction(_ count: Int) -> String { "\(count) \(word(count))" }

    public static let deal = Noun("deal"), file = Noun("file"), error = Noun("error"), warning = Noun("warning")
    public static let update = Noun("update"), week = Noun("week"), day = Noun("day"), time = Noun("time")
    public static let person = Noun("person", "people"), commit = Noun("commit"), note = Noun("note")
    public static let loss = Noun("loss", "losses"), win = Noun("win"), ask = Noun("ask"), risk = Noun("risk")
    public static let ticket = Noun("ticket"), highlight = Noun("highlight")
}
