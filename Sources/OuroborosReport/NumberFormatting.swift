import Foundation

/// How numbers are written in exports and tables.
public enum NumberText {
    /// Full precision: the shortest text that reads back as exactly the same `Double`.
    public static func full(_ value: Double) -> String {
        if value == 0 { return "0" }
        return "\(value)"
    }

    /// Fixed decimals for tables, e.g. `106.486486`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if !value.isFinite { return "\(value)" }
        let text = String(format: "%.\(decimals)f", value)
        return text == "-" + String(format: "%.\(decimals)f", 0.0) ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// A JSON string literal with the required escapes.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A CSV field, quoted when it holds a comma, quote or newline.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
