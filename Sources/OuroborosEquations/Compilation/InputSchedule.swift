/// A slot and a number: a parameter's base value, an initial value, or a shock's value.
struct SlotValue: Sendable {
    /// The slot written.
    var slot: Int
    /// The value written.
    var value: Double
}

/// An exogenous variable's slot and values.
struct SlotSeries: Sendable {
    /// The slot written.
    var slot: Int
    /// A constant, or one value per solved period.
    var values: ExogenousSeries.Values
}

/// A shock in slot terms.
struct SlotShock: Sendable {
    /// First affected period.
    var from: Int
    /// Last affected period, inclusive; `nil` to the end of the run.
    var to: Int?
    /// What it sets.
    var values: [SlotValue]
}

/// Everything given from outside the equations, laid out in slots, and how it fills a run's table.
struct InputSchedule: Sendable {
    /// Parameters' base values.
    var parameters: [SlotValue]
    /// Exogenous variables' values.
    var exogenous: [SlotSeries]
    /// Period-0 values.
    var initial: [SlotValue]
    /// Shocks.
    var shocks: [SlotShock]

    /// Writes parameters, exogenous values, shocks and initial values into a zeroed value table of
    /// `periods + 1` rows of `slotCount` slots.
    ///
    /// Parameters and exogenous variables take their base values in period 0 and their period-`t`
    /// values (a series' last value holding past its end, shocks applied) in period `t`; initial
    /// values then set period 0, where endogenous variables otherwise start at 0.
    func fill(_ table: inout [Double], periods: Int, slotCount: Int) {
        for parameter in parameters {
            for period in 0...periods { table[period * slotCount + parameter.slot] = parameter.value }
        }
        for series in exogenous {
            switch series.values {
            case .constant(let value):
                for period in 0...periods { table[period * slotCount + series.slot] = value }
            case .series(let values):
                for period in 0...periods {
                    let index = min(max(period - 1, 0), values.count - 1)
                    table[period * slotCount + series.slot] = values[index]
                }
            }
        }
        for shock in shocks where shock.from <= periods {
            let last = min(shock.to ?? periods, periods)
            guard shock.from <= last else { continue }
            for period in shock.from...last {
                for value in shock.values { table[period * slotCount + value.slot] = value.value }
            }
        }
        for value in initial { table[value.slot] = value.value }
    }
}
