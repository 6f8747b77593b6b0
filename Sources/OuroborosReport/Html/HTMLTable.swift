/// A plain HTML table: a header row and body rows of cells, each a text (escaped) or markup.
public struct HTMLTable: Sendable {
    /// A cell.
    public enum Cell: Sendable {
        /// Plain text, escaped when written.
        case text(String)
        /// A number, right-aligned.
        case number(String)
        /// Well-formed markup written as is (links).
        case markup(String)
    }

    /// Column headings and which of them hold numbers.
    public var header: [String]
    public var numericColumns: Set<Int>
    /// The rows.
    public var rows: [[Cell]]
    /// A class for the `<table>` element.
    public var cssClass: String

    /// Creates a table.
    public init(header: [String], numericColumns: Set<Int> = [], rows: [[Cell]] = [], cssClass: String = "") {
        self.header = header
        self.numericColumns = numericColumns
        self.rows = rows
        self.cssClass = cssClass
    }

    /// The table, in a horizontally scrolling wrapper.
    public func rendered() -> String {
        var out = "<div class=\"table-wrap\"><table\(cssClass.isEmpty ? "" : " class=\"\(XMLText.escape(cssClass))\"")>\n<thead><tr>"
        for (k, heading) in header.enumerated() {
            out += numericColumns.contains(k) ? "<th class=\"num\">" : "<th>"
            out += XMLText.escape(heading) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for cell in row {
                switch cell {
                case .text(let text): out += "<td>\(XMLText.escape(text))</td>"
                case .number(let text): out += "<td class=\"num\">\(XMLText.escape(text))</td>"
                case .markup(let markup): out += "<td>\(markup)</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// A link to `url` reading `text`, when `url` is an http(s) address; otherwise the text alone.
    public static func link(_ text: String, url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return XMLText.escape(text) }
        return "<a href=\"\(XMLText.escape(url))\">\(XMLText.escape(text))</a>"
    }
}
