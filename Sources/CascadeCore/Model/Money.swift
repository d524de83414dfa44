import Foundation

/// Amounts as a reader scans them: $120k, $1.2M.
public enum Money {
    public static func format(_ amount: Double, currency: String) -> String {
        let symbol = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"][currency] ?? (currency + " ")
        guard amount.isFinite else { return "\(symbol)?" }
        let a = abs(amount)
        let sign = amount < 0 ? "-" : ""
        func trim(_ v: Double) -> String {
            let s = String(format: "%.1f", v)
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        if a >= 1_000_000 { return "\(sign)\(symbol)\(trim(a / 1_000_000))M" }
        if a >= 1_000 { return "\(sign)\(symbol)\(trim(a / 1_000))k" }
        return "\(sign)\(symbol)\(a.rounded().clampedInt)"
    }
}
