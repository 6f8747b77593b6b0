import OuroborosCore
import OuroborosEngine

/// Moving a base scenario's dated elements onto the calendar of a file that `extends:` it.
///
/// A period of the base is identified by its first month; on the new calendar it becomes the
/// period that holds that month. Deals and shocks that no longer fit are reported at the new
/// calendar (the file that changed it), naming the base element and what to do about it.
extension NetworkScenarioDecoder {
    /// Whether this file sets a calendar different from its base's.
    var calendarChanged: Bool {
        guard let base, let calendar else { return false }
        return base.calendar != calendar
    }

    /// The period of the new calendar holding the first month of the base's period `t` (0 stays 0);
    /// with `unbounded`, periods past the horizon are kept (maturities).
    func rebasedPeriod(_ t: Int, unbounded: Bool = false) -> Int? {
        guard let base, let calendar else { return t }
        guard t > 0 else { return 0 }
        let month = base.calendar.firstMonthIndex(ofPeriod: t)
        guard let period = calendar.unboundedPeriod(containingMonth: month) else { return nil }
        return unbounded || period <= calendar.periods ? period : nil
    }

    /// A base path (one value per base period) re-sampled onto the new calendar: each new period
    /// takes the value of the base period holding its first month, the ends held flat.
    func resampled(_ path: [Double]) -> [Double] {
        guard let base, let calendar, !path.isEmpty else { return path }
        return (0...calendar.periods).map { t in
            guard t > 0 else { return path[0] }
            let month = calendar.firstMonthIndex(ofPeriod: t)
            let offset = month - base.calendar.start.monthIndex
            let baseT = offset < 0 ? 0 : min(offset / base.calendar.monthsPerStep + 1, path.count - 1)
            return path[baseT]
        }
    }

    /// A base deal on the new calendar, or `nil` with a diagnostic when one of its dates falls outside it.
    mutating func rebase(_ deal: DealSpec) -> DealSpec? {
        guard calendarChanged, let base, let calendar else { return deal }
        var moved = deal
        var outside: [String] = []
        func move(_ t: Int, _ what: String) -> Int {
            if let period = rebasedPeriod(t) { return period }
            outside.append("\(what) in \(base.calendar.label(t))")
            return t
        }
        moved.announced = move(deal.announced, "its announcement")
        moved.signed = move(deal.signed, "its signing")
        moved.tranches = []
        for tranche in deal.tranches {
            let period = move(tranche.period, "a tranche")
            if let last = moved.tranches.last, last.period == period, last.conditionGW == tranche.conditionGW {
                moved.tranches[moved.tranches.count - 1].amount += tranche.amount
            } else {
                moved.tranches.append(DealSpec.Tranche(period: period, amount: tranche.amount, conditionGW: tranche.conditionGW))
            }
        }
        if let maturity = deal.maturity { moved.maturity = rebasedPeriod(maturity, unbounded: true) ?? 0 }
        if let withdrawal = deal.withdrawal { moved.withdrawal?.period = move(withdrawal.period, "its withdrawal") }
        guard outside.isEmpty else {
            let place = deal.location.map { " (\($0))" } ?? ""
            reader.error(
                "the calendar here (\(calendar.horizonDescription)) leaves deal '\(deal.id)' of the base scenario\(place) outside it: "
                    + "\(outside.joined(separator: ", ")); drop it with '- remove: [\(deal.id)]' under deals or replace it",
                at: calendarLocation ?? SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        return moved
    }

    /// A base shock on the new calendar, or `nil` with a diagnostic when its date falls outside it.
    mutating func rebase(_ shock: NetworkShock) -> NetworkShock? {
        guard calendarChanged, let calendar else { return shock }
        guard let period = rebasedPeriod(shock.period) else {
            reader.error(
                "the calendar here (\(calendar.horizonDescription)) leaves the base scenario's shock '\(shock.text)' outside it",
                at: calendarLocation ?? SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        var moved = shock
        moved.period = period
        return moved
    }
}
