/// The organisation every rule example is checked against (SPEC section 2).
public enum ExampleOrg {
    public static let yaml = """
        company: Northwind Analytics
        currency: USD
        loss_reasons: [price, product-gap, competitor, no-decision, budget, timing, champion-left, no-fit, other]
        tickets:
          pattern: '^[A-Z][A-Z0-9]+-[0-9]+$'
          url: https://tracker.example.com/browse/{id}
        functions:
          - { id: product, name: Product, lead: lee-wong }
          - { id: marketing, name: Marketing }
          - { id: value-engineering, name: Value Engineering }
        people:
          - { id: dana-cho, name: Dana Cho, email: dana@northwind.example, title: CRO }
          - { id: raj-patel, name: Raj Patel, email: raj@northwind.example, reports_to: dana-cho, region: EMEA }
          - { id: ana-lima, name: Ana Lima, email: ana@northwind.example, reports_to: raj-patel, segment: Enterprise }
          - { id: ben-okafor, name: Ben Okafor, email: ben@northwind.example, reports_to: raj-patel }
          - { id: maria-gonzalez, name: Maria Gonzalez, email: maria@northwind.example, reports_to: dana-cho }
          - { id: tom-berg, name: Tom Berg, email: tom@northwind.example, reports_to: maria-gonzalez }
          - { id: lee-wong, name: Lee Wong, email: lee@northwind.example, title: VP Product }
        goals:
          - { team: raj-patel, quarter: 2026-Q4, bookings: 1500000 }
        admins: [dana-cho]

        """

    public static let org: Org = Checker.checkOrg(SourceText(yaml)).org!

    /// A valid update of ana-lima for 2026-W48, to build examples from.
    public static func update(
        deals: String = defaultDeals, body: String = "Acme is the one to watch.\n",
        author: String = "ana-lima", week: String = "2026-W48"
    ) -> String {
        "---\nauthor: \(author)\nweek: \(week)\ndeals:\n\(deals)---\n\(body)"
    }

    public static let defaultDeals = """
          - id: NW-1042
            account: Acme Corp
            stage: propose
            amount: 120000
            close: 2026-12-19
            next: Security review with their CISO on Dec 2

        """

    /// One deal's lines (indented under `deals:`), with `extra` lines appended.
    public static func deal(
        id: String = "NW-1042", stage: String = "propose", amount: String = "120000",
        close: String = "2026-12-19", next: String? = "Security review on Dec 2", extra: String = ""
    ) -> String {
        var s =
            "  - id: \(id)\n    account: Acme Corp\n    stage: \(stage)\n    amount: \(amount)\n    close: \(close)\n"
        if let next { s += "    next: \(next)\n" }
        return s + extra
    }
}
