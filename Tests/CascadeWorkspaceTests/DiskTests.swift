import CascadeCore
import CascadeWorkspace
import Foundation
import Testing

/// The disk as Cascade sees it: the root, the week folders, reads that never follow a link,
/// writes that are atomic and never go through a link.
@Suite("the disk") struct DiskTests {
    @Test func theRootIsTheNearestFolderWithOrgYAML() throws {
        let folder = try Folder()
        try folder.write("org.yaml", ExampleOrg.yaml)
        try folder.mkdir("updates/2026-W48")
        #expect(Workspace.findRoot(from: folder.path + "/updates/2026-W48") == folder.path)
        let elsewhere = try Folder()
        #expect(Workspace.findRoot(from: elsewhere.path) == elsewhere.path)
    }

    @Test func weeksAreRealWeekFoldersAndNeverLinks() throws {
        let folder = try Folder()
        for name in ["2026-W48", "2026-W02", "2026-W54", "notes", "2026-w10"] { try folder.mkdir("updates/" + name) }
        try folder.write("updates/2026-W50", "a file, not a folder")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/updates/2026-W49", withDestinationPath: folder.path + "/updates/2026-W48")
        #expect(Workspace.weeks(folder.path).map(\.description) == ["2026-W02", "2026-W48"])
    }

    @Test func anUpdateIsNeverReadThroughALink() throws {
        let folder = try Folder()
        try folder.write("secret.txt", "not an update")
        try folder.mkdir("updates/2026-W48")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/updates/2026-W48/ana-lima.md", withDestinationPath: folder.path + "/secret.txt")
        let store = DiskStore(root: folder.path)
        guard case .failure(.notRegular(let what)) = store.read("updates/2026-W48/ana-lima.md", limit: 1 << 16) else {
            Issue.record("a link was read")
            return
        }
        #expect(what.contains("link"))
        #expect(try store.list("updates/2026-W48").get() == [FileEntry(name: "ana-lima.md", isFolder: false, isLink: true)])
        #expect(store.read("updates/2026-W47/ana-lima.md", limit: 10) == .failure(.missing))
    }

    @Test func writesAreAtomicAndRefuseLinks() throws {
        let folder = try Folder()
        let target = folder.path + "/out/digest.md"
        try OutputFile.replace(target, Array("first\n".utf8))
        try OutputFile.replace(target, Array("second\n".utf8))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "second\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")
        #expect(leftovers == ["digest.md"], "no temporary file is left behind")
        // createNew never replaces what exists.
        #expect(try OutputFile.createNew(target, Array("third\n".utf8)) == false)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "second\n")
        // A link in the way is refused, and what it points at is untouched.
        try folder.write("victim.txt", "keep me")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.md", withDestinationPath: "victim.txt")
        #expect(throws: WorkspaceError.self) { try OutputFile.replace(folder.path + "/link.md", Array("x".utf8)) }
        #expect(try String(contentsOfFile: folder.path + "/victim.txt", encoding: .utf8) == "keep me")
    }
}
