import CascadeCore
import CascadeTestSupport
import CascadeWorkspace
import Testing

/// A temporary folder (the test support's `Workspace`; this module has a `Workspace` of its own).
typealias Folder = CascadeTestSupport.Workspace

/// An editor's unsaved buffer checked against the files of its week on disk.
@Suite("unsaved buffers over the disk") struct OverlayStoreTests {
    func repository() throws -> Folder {
        let folder = try Folder()
        try folder.write("org.yaml", ExampleOrg.yaml)
        try folder.write("updates/2026-W48/ana-lima.md", ExampleOrg.update())
        return folder
    }

    func check(_ folder: Folder, _ target: String, buffers: [String: String]) throws -> [Diagnostic] {
        let store = OverlayStore(base: DiskStore(root: folder.path), buffers: buffers.mapValues { Array($0.utf8) })
        return try RepositoryCheck(root: folder.path, store: store).run(targets: [target]).diagnostics
    }

    @Test func aBufferTakesThePlaceOfItsFile() throws {
        let folder = try repository()
        let path = "updates/2026-W48/ana-lima.md"
        #expect(try check(folder, path, buffers: [:]).isEmpty)
        let typo = ExampleOrg.update(deals: ExampleOrg.deal(stage: "propsoe"))
        let found = try check(folder, path, buffers: [path: typo])
        #expect(found.map(\.rule) == ["stage-unknown"])
        #expect(found.first?.position.line == 7)
        // The disk is untouched: the saved file is still clean.
        #expect(try check(folder, path, buffers: [:]).isEmpty)
    }

    @Test func aNewBufferIsCheckedAgainstTheOtherFilesOfItsWeek() throws {
        let folder = try repository()
        let path = "updates/2026-W48/ben-okafor.md"
        let ben = ExampleOrg.update(author: "ben-okafor")  // lists NW-1042, as ana's saved file does
        let found = try check(folder, path, buffers: [path: ben])
        #expect(found.map(\.rule).contains("deal-id-duplicate-week"), "\(found.map(\.rule))")
        #expect(found.allSatisfy { $0.file.hasSuffix(path) })
    }

    @Test func listingsAddBuffersAndTheirFolders() throws {
        let folder = try repository()
        let store = OverlayStore(
            base: DiskStore(root: folder.path), buffers: ["updates/2026-W49/ana-lima.md": [], "notes.md": []])
        let top = try store.list("").get().map(\.name)
        #expect(top == ["notes.md", "org.yaml", "updates"])
        let weeks = try store.list("updates").get()
        #expect(weeks.map(\.name) == ["2026-W48", "2026-W49"] && weeks.allSatisfy(\.isFolder))
        #expect(try store.list("updates/2026-W49").get().map(\.name) == ["ana-lima.md"])
        #expect(try store.read("updates/2026-W49/ana-lima.md", limit: 10).get().isEmpty)
        #expect(try store.read("org.yaml", limit: 1 << 20).get() == Array(ExampleOrg.yaml.utf8))
    }
}
