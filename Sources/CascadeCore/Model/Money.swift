import Foundation

/// An amount of money, exact: a whole number of billionths of the currency's unit, so sums of
/// cents never drift as a `Double`'s do. An amount of a deal is at most 10^15 (24 digits in
/// billionths); `Int128` holds sums of 10^14 such deals, so no sum Cascade makes overflows.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, ExpressibleByIntegerLiteral {
    /// Billionths per unit: the finest fraction an amount keeps (more decimals are rounded).
    public static let scale: Int128 = 1_000_000_000
    static let scaleDigits = 9

    public var units: Int128

    public init(units: Int128) { self.units = units }
    public init(_ whole: Int) { units = Int128(whole) * Money.scale }
    public init(integerLiteral whole: Int) { self.init(whole) }

    public static let zero = Money(units: 0)
    public static func + (a: Money, b: Money) -> Money { Money(units: a.units + b.units) }
    public static func - (a: Money, b: Money) -> Money { Money(units: a.units - b.units) }
    public static prefix func - (a: Money) -> Money { Money(units: -a.units) }
    public static func < (a: Money, b: Money) -> Bool { a.units < b.units }

    /// A plain decimal as written in YAML (`120000`, `120000.50`): digits, at most one point, no
    /// sign, no exponent; nil for anything else or anything above `limit`.
    public init?(decimal text: String, limit: Money? = nil) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, !wholePart.isEmpty, Money.isDigits(wholePart) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && Money.isDigits(fraction)) else { return nil }
        // Leading zeros say nothing; more than 25 digits is far above any limit (and Int128's reach).
        let digits = wholePart.drop { $0 == "0" }
        guard digits.count <= 25 else { return nil }
        var units = Int128(digits) ?? 0
        units *= Money.scale
        let kept = fraction.prefix(Money.scaleDigits)
        let padded = kept + String(repeating: "0", count: Money.scaleDigits - kept.count)
        units += Int128(padded) ?? 0
        if fraction.count > Money.scaleDigits, let next = fraction.dropFirst(Money.scaleDigits).first, next >= "5" {
            units += 1
        }
        self.units = units
        if let limit, self > limit { return nil }
    }

    private static func isDigits(_ s: Substring) -> Bool { s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// The nearest `Double`, for ratios and for rounding to a reader's `$1.2M`.
    public var double: Double { Double(units / Money.scale) + Double(units % Money.scale) / Double(Money.scale) }

    public var isWhole: Bool { units % Money.scale == 0 }

    /// Exact decimal text, as JSON and CSV carry it: `120000`, `120000.5`, `-3.25`.
    public var decimal: String {
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = magnitude / UInt128(Money.scale)
        let fraction = magnitude % UInt128(Money.scale)
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: Money.scaleDigits - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }

    /// As a reader scans it: $120k, $1.2M, €950.
    public func formatted(currency: String) -> String {
        let symbol = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"][currency] ?? (currency + " ")
        let a = abs(double)
        let sign = units < 0 ? "-" : ""
        func trim(_ v: Double) -> String {
            let s = String(format: "%.1f", v)
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        if a >= 1_000_000 { return "\(sign)\(symbol)\(trim(a / 1_000_000))M" }
        if a >= 1_000 { return "\(sign)\(symbol)\(trim(a / 1_000))k" }
        return "\(sign)\(symbol)\(a.rounded().clampedInt)"
    }
}

extension Sequence {
    /// The exact sum of the amounts `amount` picks.
    public func sum(_ amount: (Element) -> Money) -> Money { reduce(.zero) { $0 + amount($1) } }
}

extension Money: Encodable {
    /// JSON carries the exact decimal (`120000.5`), never a binary fraction.
    public func encode(to encoder: Encoder) throws {
        if let tree = encoder as? JSONTreeEncoder.Node { tree.set(.raw(decimal)); return }
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: decimal) ?? 0)
    }
}
