import OuroborosCore

/// How experiment reports write figures in their text and tables (as the command's text output does).
enum ExperimentHTMLText {
    /// `1 run`, `3 runs`.
    static func plural(_ n: Int, _ noun: String) -> String { "\(NumberText.grouped(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// A paragraph (text escaped).
    static func paragraph(_ text: String, cssClass: String = "") -> String {
        "<p\(cssClass.isEmpty ? "" : " class=\"\(cssClass)\"")>\(XMLText.escape(text))</p>\n"
    }

    /// A level-3 heading (text escaped).
    static func heading(_ text: String) -> String { "<h3>\(XMLText.escape(text))</h3>\n" }
}
