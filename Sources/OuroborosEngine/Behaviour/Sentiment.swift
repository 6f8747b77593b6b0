internal import OuroborosCore

/// Market sentiment (M7, M11): mean-reverting to 1, pushed by the AI equity index's last return
/// (momentum), hit by each default and each strain event on the capital cycles (cancellations,
/// missed payments) since the last update, with seeded noise; shocks multiply it when they hit. The
/// same failures raise the strain premium, which the next period adds to the risk premium and to
/// every credit spread (M4): the collateral is belief, so one broken link reprices the rest.
extension Simulator {
    /// S ← S + pull × (1 − S) + momentum × index return − default hit × defaults − strain hit × strain
    /// events + noise, within [floor, 3]; strain premium ← strain premium × decay + premium hits.
    mutating func updateSentiment() {
        let pull = 1 - Math.pow(max(0, 1 - mp.sentimentReversion), months)
        let noise = mp.sentimentNoise * months.squareRoot() * rng.normal()
        let defaults = on.contagion ? Double(macro.defaultsSinceSentimentUpdate) : 0
        let strain = on.contagion ? Double(log.strainSinceUpdate) : 0
        let hit = mp.sentimentDefaultHit * defaults + mp.sentimentStrainHit * strain
        macro.sentiment += pull * (1 - macro.sentiment) + mp.sentimentMomentum * macro.lastIndexReturn - hit + noise
        macro.sentiment = min(3, max(mp.sentimentFloor, macro.sentiment))
        let decay = Math.pow(max(0, 1 - mp.strainDecay), months)
        macro.strainPremium = macro.strainPremium * decay + mp.premiumDefaultHit * defaults + mp.premiumStrainHit * strain
        macro.defaultsSinceSentimentUpdate = 0
        log.strainSinceUpdate = 0
    }
}
