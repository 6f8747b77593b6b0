/// The mechanisms of docs/model.md that a scenario can switch off one by one.
public enum Mechanism: String, Sendable, Hashable, CaseIterable {
    case liquidityLoop = "M1"
    case syntheticWealth = "M2"
    case computeContracts = "M3"
    case fundingHierarchy = "M4"
    case physicalLimits = "M5"
    case subsidyChain = "M6"
    case valuation = "M7"
    case centralBank = "M8"
    case moneyMultiplier = "M9"
    case forcedSellers = "M10"
    case contagion = "M11"
}
