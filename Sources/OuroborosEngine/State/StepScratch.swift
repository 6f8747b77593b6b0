/// Working arrays the steps fill and read within one call, kept on the run so that a period
/// allocates nothing; they carry nothing from one period to the next.
struct StepScratch: Sendable {
    /// Debt principal at the start of debt service (step 7).
    var principal: [Double] = []
    /// What each cloud owes this period, interest and maturities (step 7).
    var owed: [Double] = []
}
