import CascadeCore
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
