import OuroborosCore

/// How experiment reports write figures in their text and tables (as the command's text output does).
enum ExperimentHTMLText {
    /// `12.3%` (one decimal unless told).
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        NumberText.fixed(value * 100, decimals: decimals) + "%"
    }

    /// `1,234`.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (k, character) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `1 run`, `3 runs`.
    static func plural(_ n: Int, _ noun: String) -> String { "\(count(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// A paragraph (text escaped).
    static func paragraph(_ text: String, cssClass: String = "") -> String {
        "<p\(cssClass.isEmpty ? "" : " class=\"\(cssClass)\"")>\(XMLText.escape(text))</p>\n"
    }

    /// A level-3 heading (text escaped).
    static func heading(_ text: String) -> String { "<h3>\(XMLText.escape(text))</h3>\n" }
}
