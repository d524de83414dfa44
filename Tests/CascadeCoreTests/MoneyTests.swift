import Testing

@testable import CascadeCore

@Suite("money") struct MoneyTests {
    @Test func readsAtAGlance() {
        #expect(Money(120_000).formatted(currency: "USD") == "$120k")
        #expect(Money(1_200_000).formatted(currency: "EUR") == "€1.2M")
        #expect(Money(950).formatted(currency: "CHF") == "CHF 950")
        #expect((-Money(45_000)).formatted(currency: "GBP") == "-£45k")
    }

    @Test func sumsOfCentsAreExact() throws {
        // As Doubles, 0.1 + 0.2 is 0.30000000000000004 and ten thousand 0.01s are not 100.
        let tenth = try #require(Money(decimal: "0.1")), fifth = try #require(Money(decimal: "0.2"))
        #expect((tenth + fifth).decimal == "0.3")
        let cent = try #require(Money(decimal: "0.01"))
        #expect(Array(repeating: cent, count: 10_000).sum { $0 } == Money(100))
        #expect((Money(100) - cent).decimal == "99.99")
    }

    @Test func readsPlainDecimalsOnly() {
        #expect(Money(decimal: "120000")?.decimal == "120000")
        #expect(Money(decimal: "120000.50")?.decimal == "120000.5")
        #expect(Money(decimal: "000120")?.decimal == "120")
        for bad in ["", ".5", "5.", "1.2.3", "-5", "1e5", "12k", "1_000", " 1"] {
            #expect(Money(decimal: bad) == nil, "\(bad)")
        }
        // Beyond nine decimals an amount is rounded; beyond the limit it is refused.
        #expect(Money(decimal: "1.0000000004")?.decimal == "1")
        #expect(Money(decimal: "1.0000000005")?.decimal == "1.000000001")
        #expect(Money(decimal: "1000000000000000", limit: NumberLimits.maxAmount) != nil)
        #expect(Money(decimal: "1000000000000000.5", limit: NumberLimits.maxAmount) == nil)
        #expect(Money(decimal: "1" + String(repeating: "0", count: 400)) == nil)
    }

    @Test func jsonCarriesTheExactDecimal() throws {
        struct Row: Encodable { var amount: Money, goal: Money? }
        let tree = try JSONTreeEncoder.encode(Row(amount: Money(decimal: "1234567890123.45")!, goal: nil))
        #expect(tree.inline == #"{"amount": 1234567890123.45, "goal": null}"#)
        // A sum beyond 10^15 stays a plain integer, not 1e+15.
        let big = try JSONTreeEncoder.encode(Row(amount: NumberLimits.maxAmount + Money(1), goal: Money(7)))
        #expect(big.inline == #"{"amount": 1000000000000001, "goal": 7}"#)
    }
}
