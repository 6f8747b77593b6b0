/// Which of the mechanisms M1–M11 are on, as plain flags for the hot path.
///
/// What "off" means for each:
/// - M1 liquidity loop: announcements do not move prices (no narrative).
/// - M2 synthetic wealth: no funds tracing; revenue origins are reported as zero.
/// - M3 compute contracts: no take-or-pay backlog; a buyer's shortfall lapses instead of cancelling contracts.
/// - M4 funding hierarchy: any cloud shortfall is met by an unlimited bank loan (no bonds, private credit, freeze or cuts);
///   spreads stay at their base values (no credit pricing) and nobody is rationed.
/// - M5 physical limits: unlimited power and chip supply, no interconnection queue, chip delays ignored.
/// - M6 subsidy chain: end-user demand stays at its opening run rate (no growth, demand shocks ignored),
///   wrappers pay labs at cost (API ratio capped at 1) and rounds ignore sentiment.
/// - M7 valuation: prices follow expected value only (no discount rate, sentiment or liquidity terms).
/// - M8 central bank: policy rate and liquidity stay at their opening values; rate and liquidity shocks are ignored.
/// - M9 money multiplier: banks lend without reserve, capital or credit limits; no capital-competition premium.
/// - M10 forced sellers: nobody sells assets to raise cash; capital calls and redemptions fail or are gated instead.
/// - M11 contagion: no margin calls, failures do not hit sentiment or raise the strain premium, creditors
///   do not write off (so nothing goes through DebtRank) and a defaulter's equity keeps its price (claims
///   stay frozen on the books).
struct MechanismSwitches: Sendable {
    var liquidityLoop = true, tracing = true, takeOrPay = true, hierarchy = true, physical = true
    var subsidy = true, valuation = true, centralBank = true, multiplier = true, forcedSellers = true, contagion = true

    /// Flags from the scenario's disabled set.
    init(disabled: Set<Mechanism>) {
        liquidityLoop = !disabled.contains(.liquidityLoop)
        tracing = !disabled.contains(.syntheticWealth)
        takeOrPay = !disabled.contains(.computeContracts)
        hierarchy = !disabled.contains(.fundingHierarchy)
        physical = !disabled.contains(.physicalLimits)
        subsidy = !disabled.contains(.subsidyChain)
        valuation = !disabled.contains(.valuation)
        centralBank = !disabled.contains(.centralBank)
        multiplier = !disabled.contains(.moneyMultiplier)
        forcedSellers = !disabled.contains(.forcedSellers)
        contagion = !disabled.contains(.contagion)
    }
}
