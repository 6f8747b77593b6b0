/// A self-contained HTML report: one file with its style sheet and every chart inline (SVG drawn
/// in Swift), no scripts, fonts or images fetched from anywhere. The markup is well-formed XML
/// (every element closed, only XML's five entities), so tools can parse it as XHTML.
public struct HTMLDocument: Sendable {
    /// The page title and main heading.
    public var title: String
    /// Lines under the heading (plain text).
    public var subtitle: [String]
    /// The sections, in order; each gets an entry in the table of contents.
    public var sections: [HTMLSection]

    /// Creates a document.
    public init(title: String, subtitle: [String] = [], sections: [HTMLSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The whole page.
    public func rendered() -> String {
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(XMLText.escape(title))</title>\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        out += "<header class=\"report\"><h1>\(XMLText.escape(title))</h1>\n"
        for line in subtitle { out += "<p>\(XMLText.escape(line))</p>\n" }
        out += "</header>\n<nav class=\"toc\">"
        out += sections.map { "<a href=\"#\($0.id)\">\(XMLText.escape($0.title))</a>" }.joined(separator: " ")
        out += "</nav>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(XMLText.escape(section.title))</h2>\n\(section.body)\n</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }
}
