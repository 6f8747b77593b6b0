public import OuroborosCore

/// Where each sector stands in the money-flow picture (end users and funders on the left, then
/// wrappers, labs, clouds, chipmakers) and its colour in the report's diagrams.
public enum SectorStyle {
    /// The stage of the AI chain a sector belongs to.
    public enum Stage: Int, Sendable, CaseIterable {
        case funders = 0
        case wrappers
        case labs
        case clouds
        case chipmakers
        case paidOut

        /// The column heading.
        public var title: String {
            switch self {
            case .funders: "Funders"
            case .wrappers: "Wrappers"
            case .labs: "Model labs"
            case .clouds: "Clouds"
            case .chipmakers: "Chipmakers"
            case .paidOut: "Paid out"
            }
        }
    }

    /// The stage of `sector` as a payer.
    public static func stage(_ sector: Sector) -> Stage {
        switch sector {
        case .wrapperStartup: .wrappers
        case .modelLab: .labs
        case .hyperscaler, .neocloud: .clouds
        case .chipmaker: .chipmakers
        default: .funders
        }
    }

    /// The kind of money a funder brings: end users, investors or lenders (nil for chain firms).
    public static func funding(_ sector: Sector, id: String) -> String? {
        if id == "bond_investors" { return "lenders" }
        switch sector {
        case .household: return "end users"
        case .ventureFund, .sovereignInvestor, .hedgeFund, .insider: return "investors"
        case .bank, .privateCredit: return "lenders"
        case .wrapperStartup, .modelLab, .hyperscaler, .neocloud, .chipmaker: return nil
        default: return "other"
        }
    }

    /// The colour of money coming from `sector`.
    public static func moneyColor(_ sector: Sector, id: String) -> String {
        switch funding(sector, id: id) {
        case "end users": ChartPalette.endUsers
        case "investors": ChartPalette.investors
        case "lenders": ChartPalette.lenders
        case nil: "#7f7f7f"
        default: ChartPalette.other
        }
    }

    /// The colour of a node of `sector`.
    public static func color(_ sector: Sector) -> String {
        switch sector {
        case .household: ChartPalette.endUsers
        case .wrapperStartup: "#b07aa1"
        case .modelLab: "#e15759"
        case .hyperscaler: "#4e79a7"
        case .neocloud: "#76b7b2"
        case .chipmaker: "#59a14f"
        case .powerGrid: "#edc948"
        case .ventureFund, .sovereignInvestor, .insider: "#9c755f"
        case .hedgeFund: "#bab0ac"
        case .bank, .privateCredit: ChartPalette.lenders
        default: ChartPalette.other
        }
    }
}
