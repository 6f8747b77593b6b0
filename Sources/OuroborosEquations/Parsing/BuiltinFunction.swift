/// A function an equation may call: `exp`, `log`, `sqrt`, `abs`, `min`, `max`.
enum BuiltinFunction: String, CaseIterable, Sendable {
    case exp, log, sqrt, abs, min, max

    /// The fewest arguments the function takes.
    var minimumArguments: Int {
        switch self {
        case .min, .max: 2
        default: 1
        }
    }

    /// The most arguments the function takes (`nil`: no limit).
    var maximumArguments: Int? {
        switch self {
        case .min, .max: nil
        default: 1
        }
    }

    /// A sentence explaining why `count` arguments are wrong, or `nil` when they are right.
    func argumentCountProblem(_ count: Int) -> String? {
        if count >= minimumArguments, maximumArguments.map({ count <= $0 }) ?? true { return nil }
        let wanted = maximumArguments == nil ? "\(minimumArguments) or more arguments" : "1 argument"
        return "'\(rawValue)' takes \(wanted), found \(count)"
    }

    /// The names, for "unknown function" messages.
    static var knownNames: String {
        allCases.map(\.rawValue).sorted().joined(separator: ", ")
    }
}
