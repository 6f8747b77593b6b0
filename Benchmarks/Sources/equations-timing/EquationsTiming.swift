// equations-timing: times batches of independent runs of a built-in equation model and prints
// one JSON object with the timings and the results, for bench/compare_sfc_peers.py.
//
//   equations-timing --model sim|pc [--runs N] [--periods P] [--repeats R] [--all-series]
//
// The model is compiled once, outside the timed part. Each repeat times the whole batch of N
// runs of P periods; the output gives the median and minimum over R repeats. Values use the
// project's timing convention: period 0 is the initial state, period 1 the first solved period.

import OuroborosCore
import OuroborosEquations
import OuroborosReport
import OuroborosScenario

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Variables reported for each model: their final-period values, and their full series with `--all-series`.
let keyVariables: [String: [String]] = [
    "sim": ["Y", "YD", "Td", "Cd", "Hh"],
    "pc": ["Y", "YD", "T", "C", "V", "Hh", "Bh"],
]

struct Options {
    var model = "sim"
    var runs = 1_000
    var periods = 100
    var repeats = 5
    var allSeries = false
}

/// Prints `message` to standard error and exits with status 2.
func fail(_ message: String) -> Never {
    var bytes = Array("equations-timing: error: \(message)\n".utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

let usage = "usage: equations-timing --model sim|pc [--runs N] [--periods P] [--repeats R] [--all-series]"

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var index = 0
    func positiveInt(after flag: String) -> Int {
        index += 1
        guard index < arguments.count, let value = Int(arguments[index]), value > 0 else {
            fail("\(flag) needs a positive integer\n\(usage)")
        }
        return value
    }
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--model":
            index += 1
            guard index < arguments.count else { fail("--model needs a value\n\(usage)") }
            options.model = arguments[index].lowercased()
        case "--runs": options.runs = positiveInt(after: argument)
        case "--periods": options.periods = positiveInt(after: argument)
        case "--repeats": options.repeats = positiveInt(after: argument)
        case "--all-series": options.allSeries = true
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            fail("unknown argument '\(argument)'\n\(usage)")
        }
        index += 1
    }
    guard keyVariables[options.model] != nil else {
        fail("unknown model '\(options.model)' (expected sim or pc)\n\(usage)")
    }
    return options
}

/// Keeps a value alive so that the optimizer cannot drop the work that produced it.
@inline(never) @_optimize(none)
func keep<T>(_ value: T) {}

/// JSON number text: the shortest representation that reads back as the same Double.
func json(_ value: Double) -> String {
    value.isFinite ? "\(value)" : "null"
}

func json(_ values: [Double]) -> String {
    "[" + values.map(json).joined(separator: ",") + "]"
}

func json(_ text: String) -> String {
    NumberText.jsonString(text)
}

func seconds(_ duration: Duration) -> Double {
    let (s, attoseconds) = duration.components
    return Double(s) + Double(attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

@main
enum EquationsTiming {
    static func main() {
        let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
        let variables = keyVariables[options.model]!

        let model: EquationModel
        do {
            guard case .equations(let spec) = try ScenarioLoader.builtIn(options.model) else {
                fail("built-in \(options.model) is not an equation model")
            }
            model = try EquationModel.compile(spec)
        } catch {
            fail("cannot compile built-in model \(options.model):\n\(error)")
        }

        // One untimed warm-up batch (caches, lazy initialisation), then the timed repeats.
        var result = runBatch(model, runs: options.runs, periods: options.periods)
        let clock = ContinuousClock()
        var timings: [Double] = []
        for _ in 0..<options.repeats {
            let start = clock.now
            result = runBatch(model, runs: options.runs, periods: options.periods)
            timings.append(seconds(clock.now - start))
        }

        guard result.periods == options.periods else {
            fail("result has \(result.periods) periods, expected \(options.periods)")
        }
        func series(_ name: String) -> [Double] {
            guard let values = result.series(name) else {
                fail("model \(options.model) has no variable \(name); it has: \(result.variableNames.joined(separator: " "))")
            }
            guard values.count == options.periods + 1 else {
                fail("series \(name) has \(values.count) values, expected \(options.periods + 1) (periods 0...\(options.periods))")
            }
            return values
        }

        var fields: [String] = [
            "\"model\":\(json(options.model))",
            "\"model_name\":\(json(model.name))",
            "\"runs\":\(options.runs)",
            "\"periods\":\(options.periods)",
            "\"repeats\":\(options.repeats)",
            "\"median_seconds\":\(json(median(timings)))",
            "\"min_seconds\":\(json(timings.min()!))",
            "\"timings_seconds\":\(json(timings))",
            "\"final\":{" + variables.map { "\(json($0)):\(json(series($0)[options.periods]))" }.joined(separator: ",") + "}",
            "\"Y_series\":\(json(Array(series("Y")[1...])))",
        ]
        if options.allSeries {
            fields.append(
                "\"series\":{" + variables.map { "\(json($0)):\(json(Array(series($0)[1...])))" }.joined(separator: ",") + "}"
            )
        }
        print("{" + fields.joined(separator: ",") + "}")
    }

    /// Runs `model` `runs` times for `periods` periods each and returns the last result.
    static func runBatch(_ model: EquationModel, runs: Int, periods: Int) -> SimulationResult {
        var last: SimulationResult?
        do {
            for _ in 0..<runs {
                let result = try model.run(periods: periods)
                keep(result)
                last = result
            }
        } catch {
            fail("run failed: \(error)")
        }
        return last!
    }
}
