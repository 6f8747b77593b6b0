/// What falls due in a period, worked out by `assessDues` (step 3a) before anyone raises money and
/// read by the rounds (4), the settlement of bills (3b), the clouds' step (5) and the backstops:
/// each entity's bills and burn, what each compute contract can deliver and bill, and the GW
/// running on contracts (M3, M5, M6).
struct Obligations: Sendable {
    /// Everything due (opex, compute, API fees), and its opex and API-fee parts, USD.
    var due: [Double], opexDue: [Double], apiDue: [Double]
    /// Monthly net burn: what is due beyond the period's revenue, per month.
    var burn: [Double]
    /// Per contract: the compute it can deliver and bill this period (0 once billed).
    var deliverable: [Double]
    /// GW each seller must deliver on running contracts, and the share its energised capacity covers.
    var requiredGW: [Double], coverage: [Double]
    /// GW each buyer has running on its contracts (deployed through clouds).
    var contractedGW: [Double]

    /// Obligations for `entities` and `contracts`, all zero.
    init(entities n: Int, contracts: Int) {
        let zeros = [Double](repeating: 0, count: n)
        due = zeros
        opexDue = zeros
        apiDue = zeros
        burn = zeros
        deliverable = [Double](repeating: 0, count: contracts)
        requiredGW = zeros
        coverage = [Double](repeating: 1, count: n)
        contractedGW = zeros
    }
}
