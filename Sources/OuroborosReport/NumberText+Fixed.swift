import Foundation
public import OuroborosCore

extension NumberText {
    /// Fixed decimals for tables, e.g. `106.486486`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if !value.isFinite { return "\(value)" }
        let text = String(format: "%.\(decimals)f", value)
        return text == "-" + String(format: "%.\(decimals)f", 0.0) ? String(format: "%.\(decimals)f", 0.0) : text
    }
}
