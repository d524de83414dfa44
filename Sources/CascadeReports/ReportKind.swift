import CascadeCore
import CascadeHistory

/// What a report is made from: the history in scope and range, the dimension of losses and
/// wins, and the rewrites git's history holds (nil when it cannot tell: a shallow clone).
public struct ReportInput: Sendable {
    public var context: ReportContext
    public var dimension: Dimension
    public var rewrites: [Rewrite]?

    public init(context: ReportContext, dimension: Dimension = .reason, rewrites: [Rewrite]? = []) {
        self.context = context
        self.dimension = dimension
        self.rewrites = rewrites
    }
}

/// One kind of `cascade report`: its name and how it is made. A new kind is a file with its
/// type and a line in `Reports.kinds`.
public protocol ReportKind {
    static var name: String { get }
    /// Whether `--by` means something for it.
    static var usesDimension: Bool { get }
    /// Whether it needs the rewrites from git's history.
    static var usesRewrites: Bool { get }
    /// What `--by` is when not given.
    static var defaultDimension: Dimension { get }
    static func make(_ input: ReportInput) -> Report
}

extension ReportKind {
    public static var usesDimension: Bool { false }
    public static var usesRewrites: Bool { false }
    public static var defaultDimension: Dimension { .reason }
}

public enum Reports {
    public static let kinds: [any ReportKind.Type] = [
        LossesReport.self, WinsReport.self, GapsReport.self, ObjectionsReport.self, AsksReport.self, FlagsReport.self,
        PipelineReport.self,
    ]

    public static func kind(named name: String) -> (any ReportKind.Type)? { kinds.first { $0.name == name } }
}

public enum LossesReport: ReportKind {
    public static let name = "losses"
    public static let usesDimension = true
    public static func make(_ input: ReportInput) -> Report {
        OutcomeReport.make(input.context, wins: false, by: input.dimension)
    }
}

public enum WinsReport: ReportKind {
    public static let name = "wins"
    public static let usesDimension = true
    /// Wins are learned from by whom they beat; a won deal has no reason.
    public static let defaultDimension = Dimension.competitor
    public static func make(_ input: ReportInput) -> Report {
        OutcomeReport.make(input.context, wins: true, by: input.dimension)
    }
}

extension GapsReport: ReportKind {
    public static let name = "gaps"
    public static func make(_ input: ReportInput) -> Report { make(input.context) }
}

extension ObjectionsReport: ReportKind {
    public static let name = "objections"
    public static func make(_ input: ReportInput) -> Report { make(input.context) }
}

extension AsksReport: ReportKind {
    public static let name = "asks"
    public static func make(_ input: ReportInput) -> Report { make(input.context) }
}

extension FlagsReport: ReportKind {
    public static let name = "flags"
    public static let usesRewrites = true
    public static func make(_ input: ReportInput) -> Report { make(input.context, rewrites: input.rewrites) }
}

extension PipelineReport: ReportKind {
    public static let name = "pipeline"
    public static func make(_ input: ReportInput) -> Report { make(input.context) }
}
