internal import OuroborosCore

/// Market sentiment (M7, M11): mean-reverting to 1, pushed by the AI equity index's last return
/// (momentum), hit by each default since the last update, with seeded noise; shocks multiply it when they hit.
extension Simulator {
    /// S ← S + pull × (1 − S) + momentum × index return − hit × defaults + noise, within [floor, 3].
    mutating func updateSentiment() {
        let pull = 1 - Math.pow(max(0, 1 - mp.sentimentReversion), months)
        let noise = mp.sentimentNoise * months.squareRoot() * rng.normal()
        let hit = on.contagion ? mp.sentimentDefaultHit * Double(macro.defaultsSinceSentimentUpdate) : 0
        macro.sentiment += pull * (1 - macro.sentiment) + mp.sentimentMomentum * macro.lastIndexReturn - hit + noise
        macro.sentiment = min(3, max(mp.sentimentFloor, macro.sentiment))
        macro.defaultsSinceSentimentUpdate = 0
    }
}
