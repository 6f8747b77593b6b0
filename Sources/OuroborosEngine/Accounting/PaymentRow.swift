/// The transaction rows of the network's transactions-flow matrix (names of at most 15 characters).
enum PaymentRow: Int, Sendable, CaseIterable {
    case subscriptions, enterpriseAI, apiFees, wages, compute, cloudServices, operatingCosts, power
    case chips, construction, supplierCosts, interest, backstop, otherRevenue

    /// The row label in the matrices.
    var label: String { Self.labels[rawValue] }

    /// Whether the payee books the payment as revenue.
    var isRevenue: Bool {
        switch self {
        case .subscriptions, .enterpriseAI, .apiFees, .compute, .cloudServices, .power, .chips, .backstop, .otherRevenue: true
        case .wages, .operatingCosts, .construction, .supplierCosts, .interest: false
        }
    }

    private static let labels = [
        "Subscriptions", "Enterprise AI", "API fees", "Wages & opex", "Compute", "Cloud services", "Operating costs",
        "Power", "Chips", "Construction", "Supplier costs", "Interest", "Backstop", "Other revenue",
    ]
}
