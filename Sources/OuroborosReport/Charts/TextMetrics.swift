/// Width estimates of text in the report's sans-serif font, erring wide so that boxes computed
/// from them contain the glyphs as a browser draws them (DejaVu Sans, Helvetica, Arial).
public enum TextMetrics {
    /// The estimated width of `text` at `fontSize` pixels.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", " ", "I", "(", ")", "[", "]": em += 0.36
            case "f", "t", "r": em += 0.46
            case "m", "w", "M", "W", "%", "@", "—": em += 0.95
            case "A"..."Z", "$", "→", "↔", "€": em += 0.72
            default: em += 0.62
            }
        }
        return em * fontSize
    }

    /// `text` shortened with an ellipsis to fit `maxWidth` at `fontSize`.
    public static func truncated(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        var kept = text
        while !kept.isEmpty, width(kept + "…", fontSize: fontSize) > maxWidth { kept.removeLast() }
        return kept + "…"
    }
}
