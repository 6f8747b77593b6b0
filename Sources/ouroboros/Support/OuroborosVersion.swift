/// The version printed by `ouroboros --version` and recorded with results.
enum OuroborosVersion {
    static let current = "0.1.0"
}
