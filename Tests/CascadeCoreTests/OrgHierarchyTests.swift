import CascadeCore
import Foundation
import Testing

@Suite("who reports to whom")
struct OrgHierarchyTests {
    let org = Checker.checkOrg(SourceText("""
        people:
          - { id: cro, name: C }
          - { id: vp-b, name: B, reports_to: cro }
          - { id: rep-z, name: Z, reports_to: mgr }
          - { id: mgr, name: M, reports_to: vp-b }
          - { id: vp-a, name: A, reports_to: cro }
          - { id: rep-y, name: Y, reports_to: mgr }
          - { id: loner, name: L, reports_to: nobody }
        """)).org!

    @Test func teamsAndDirectsInOrgYamlOrder() {
        let h = OrgHierarchy(org)
        #expect(h.subtree(of: "cro") == ["vp-b", "rep-z", "mgr", "vp-a", "rep-y"])
        #expect(h.subtree(of: "vp-b") == ["rep-z", "mgr", "rep-y"])
        #expect(h.subtree(of: "rep-y").isEmpty)
        #expect(h.directs(of: "cro") == ["vp-b", "vp-a"])
        #expect(h.leaders == ["cro", "vp-b", "mgr"])
        #expect(org.subtree(of: "mgr").map(\.id.value) == ["rep-z", "rep-y"])
        // The same answer as walking up from everyone.
        for leader in org.personIDs {
            #expect(h.subtree(of: leader) == org.people.map(\.id.value).filter { $0 != leader && org.isInSubtree($0, of: leader) })
        }
    }

    @Test func aCycleEnds() {
        let looped = Checker.checkOrg(SourceText("""
            people:
              - { id: a, name: A, reports_to: b }
              - { id: b, name: B, reports_to: a }
              - { id: c, name: C, reports_to: c }
            """)).org
        guard let looped else { return }  // org.yaml with a cycle may be refused outright; then nothing to walk
        let h = OrgHierarchy(looped)
        #expect(h.subtree(of: "a") == ["b"])
        #expect(h.subtree(of: "c").isEmpty)
    }
}

/// Deep reporting lines cost their length: a chain of 20,000 levels, a loop of 3,000.
@Suite("deep reporting lines")
struct DeepChainTests {
    func chain(_ n: Int, loop: Bool) -> String {
        var s = "people:\n  - { id: p0, name: P0, region: EMEA\(loop ? ", reports_to: p\(n - 1)" : "") }\n"
        for i in 1..<n { s += "  - { id: p\(i), name: P\(i), reports_to: p\(i - 1) }\n" }
        return s
    }

    @Test func aLongChainIsReadInLinearTime() {
        let started = Date()
        let loaded = Checker.checkOrg(SourceText(chain(20_000, loop: false)))
        let elapsed = Date().timeIntervalSince(started)
        #expect(loaded.findings.isEmpty, "\(loaded.findings.prefix(3))")
        #expect(loaded.org!.inherited(\.region, of: "p19999") == "EMEA", "region is inherited down the whole chain")
        // Quadratic work on 20,000 levels takes minutes; linear work well under a second.
        #expect(elapsed < 10, "reading a 20,000-level chain took \(elapsed) s")
        #expect(OrgHierarchy(loaded.org!).subtree(of: "p19990").count == 9)
    }

    @Test func everyoneOnALongLoopIsReportedBriefly() {
        let loaded = Checker.checkOrg(SourceText(chain(3_000, loop: true)))
        let cycles = loaded.findings.filter { $0.rule == "org-cycle" }
        #expect(cycles.count == 3_000)
        #expect(cycles[0].message.hasPrefix("reporting cycle: p0 -> p2999 -> p2998"), "\(cycles[0].message)")
        #expect(cycles[0].message.contains("(3000 people in the loop)"))
        let small = Checker.checkOrg(SourceText("people:\n  - { id: a, reports_to: b }\n  - { id: b, reports_to: a }\n  - { id: c, reports_to: a }\n"))
        #expect(small.findings.filter { $0.rule == "org-cycle" }.map(\.message) == [
            "reporting cycle: a -> b -> a; one of them must report to someone outside the loop",
            "reporting cycle: b -> a -> b; one of them must report to someone outside the loop",
        ])
    }
}
