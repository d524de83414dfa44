/// Conversions that cannot trap: every figure Cascade prints passes through
/// here, whatever an `org.yaml` or an update holds.
extension Double {
    /// The nearest Int, clamped to Int's range; 0 for NaN. `Int(_:)` traps on
    /// NaN, infinities and anything beyond ±9.2e18.
    public var clampedInt: Int {
        guard !isNaN else { return 0 }
        if self >= 9.2e18 { return Int.max }
        if self <= -9.2e18 { return Int.min }
        return Int(self)
    }
}

/// The limits of the numbers of `org.yaml` and of updates, with their wording.
public enum NumberLimits {
    /// The largest amount a deal or a goal may have: a thousand trillion, far above any deal.
    public static let maxAmount = Money(1_000_000_000_000_000)
    public static let maxAmountText = "1000000000000000"

    /// `text` as a plain decimal number (digits, at most one point) within `range`; nil otherwise.
    public static func plain(_ text: String, in range: ClosedRange<Double>) -> Double? {
        guard Amount.isPlainNumber(text), let value = Double(text), value.isFinite, range.contains(value) else {
            return nil
        }
        return value
    }

    /// `text` as a whole number within `range`; nil otherwise (no sign, no exponent, no point).
    public static func whole(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int(text), range.contains(value)
        else { return nil }
        return value
    }
}
