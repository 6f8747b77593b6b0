/// Numbers and strings as they appear in CSV and JSON output.
public enum NumberText {
    /// Full precision: the shortest text that reads back as exactly the same `Double` (`0` for ±0).
    public static func full(_ value: Double) -> String {
        if value == 0 { return "0" }
        return "\(value)"
    }

    /// A JSON string literal with the required escapes (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX` for other control characters).
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
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A CSV field, quoted (with quotes doubled) when it holds a comma, quote or newline.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        var out = "\""
        for character in text {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out + "\""
    }
}
