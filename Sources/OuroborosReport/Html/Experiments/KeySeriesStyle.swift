import OuroborosCore

/// How a key series of an experiment (`ai_equity_index`, `price:btc`, `debt:ai_firms`) is drawn
/// and written: its heading, unit and axis title.
public enum KeySeriesStyle {
    /// The unit of series `name`: dollars for prices, debt and cash, a plain number for indices.
    public static func unit(_ name: String) -> ValueUnit {
        name.hasPrefix("price:") || name.hasPrefix("debt:") || name.hasPrefix("cash:") ? .usd : .number
    }

    /// The value axis title of series `name`.
    public static func axisTitle(_ name: String) -> String {
        switch name {
        case "ai_equity_index": "index, opening = 1"
        case "sentiment": "sentiment, 1 = neutral"
        default: name.hasPrefix("price:") ? "USD per unit" : "USD"
        }
    }

    /// A heading for series `name`: `AI equity index`, `Price of btc`, `Debt of the AI firms`.
    public static func heading(_ name: String) -> String {
        switch name {
        case "ai_equity_index": return "AI equity index"
        case "sentiment": return "Market sentiment"
        case "debt:ai_firms": return "Debt of the AI firms"
        case "cash:model_labs": return "Cash of the model labs"
        default:
            if name.hasPrefix("price:") { return "Price of \(name.dropFirst("price:".count))" }
            return name
        }
    }

    /// A value of series `name` for a table: `$1.43T`, `0.87`.
    public static func text(_ name: String, _ value: Double) -> String {
        unit(name) == .usd ? ValueUnit.usd.text(value) : NumberText.fixed(value, decimals: 2)
    }
}
