// network-timing: times OuroborosNetwork on graphs written by bench/compare_network_peers.py.
//
// Graph files (all little-endian, written by numpy `.tofile`): PREFIX.src.i32 / PREFIX.dst.i32 (int32
// edge endpoints), PREFIX.amt.f64 (float64 amounts), PREFIX.nodes (node count as text). The large graph
// also has PREFIX.ext.f64 (external assets), PREFIX.equity.f64 and PREFIX.shock.f64 (DebtRank inputs).
//
//   network-timing --large PREFIX --cycles PREFIX [--cycles PREFIX ...] [--repeats 5] [--large-repeats 3]
//                  [--out-dir DIR] [--max-length 4] [--tolerance 1e-10] [--only TASK ...]
//
// --only (repeatable) times just the named large-graph tasks: scc, en_fixed_point, en_fictitious_default,
// debtrank, trace (for profiling one kernel). Without --only every task runs except trace, which takes
// about a minute: add it with --trace (the memory-only mode measures it only then, or with --only trace).
//
// trace: FundsTrace on the large graph with `--trace-origins K` (default 8) origins, the first K distinct
// values of SplitMix64 (seed 20261121) modulo n, and no opening balances (a balance makes its node a label,
// so balances on every node would mean a million labels). The nodes with no inflow that pay are labels
// too (unfunded payers). `--trace-max-sweeps` caps the Gauss–Seidel sweeps (default 10,000), `--trace-threads` sets the threads (default: the library's). With
// --out-dir, writes the shares of the origins as trace_shares.f64 (node-major, n × K, origins in the
// order drawn); the origins are in the JSON.
//
// Prints one JSON object. With --out-dir, writes the clearing vector (en_payments.f64) and the final
// DebtRank distress (debtrank_distress.f64) as raw float64 for the peer script to compare.
import Foundation
import OuroborosNetwork

func readArray<T>(_ path: String, as: T.Type) -> [T] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
        exit(2)
    }
    let count = data.count / MemoryLayout<T>.stride
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        _ = data.copyBytes(to: buffer)
        initialized = count
    }
}

func writeArray(_ values: [Double], _ path: String) {
    let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
    _ = FileManager.default.createFile(atPath: path, contents: data)
}

func readNodeCount(_ prefix: String) -> Int {
    let text = (try? String(contentsOfFile: prefix + ".nodes", encoding: .utf8)) ?? ""
    guard let n = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        FileHandle.standardError.write("bad \(prefix).nodes\n".data(using: .utf8)!)
        exit(2)
    }
    return n
}

/// Wall-clock seconds of `body`.
@inline(never)
func timed<R>(_ body: () throws -> R) rethrows -> (R, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let end = DispatchTime.now().uptimeNanoseconds
    return (result, Double(end - start) / 1e9)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    if s.isEmpty { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
}

/// Value in kB of a line of /proc/self/status (VmHWM, VmRSS), or -1 off Linux.
func procStatus(_ key: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        let digits = line.dropFirst(key.count + 1).filter { $0.isNumber }
        return Int(digits) ?? -1
    }
    return -1
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0: write "5" to /proc/self/clear_refs); false if unsupported.
@discardableResult
func resetPeakRSS() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do { try handle.write(contentsOf: "5".data(using: .utf8)!) } catch { return false }
    return true
}

// MARK: arguments
var largePrefix: String?
var cyclePrefixes: [String] = []
var repeats = 5
var largeRepeats = 3
var outDir: String?
var maxLength = 4
var tolerance = 1e-10
var memoryOnly = false
var only: Set<String> = []  // empty: every task (csr, scc, en_fixed_point, en_fictitious_default, debtrank, trace)
var traceOrigins = 8
var traceMaxSweeps = 10_000
var traceThreads: Int?
var traceWanted = false
var args = CommandLine.arguments.dropFirst()
while let flag = args.popFirst() {
    func value() -> String {
        guard let v = args.popFirst() else {
            FileHandle.standardError.write("missing value for \(flag)\n".data(using: .utf8)!)
            exit(2)
        }
        return v
    }
    switch flag {
    case "--large": largePrefix = value()
    case "--cycles": cyclePrefixes.append(value())
    case "--repeats": repeats = Int(value())!
    case "--large-repeats": largeRepeats = Int(value())!
    case "--out-dir": outDir = value()
    case "--max-length": maxLength = Int(value())!
    case "--tolerance": tolerance = Double(value())!
    case "--memory-only": memoryOnly = true
    case "--only": only.insert(value())
    case "--trace-origins": traceOrigins = Int(value())!
    case "--trace-max-sweeps": traceMaxSweeps = Int(value())!
    case "--trace-threads": traceThreads = Int(value())!
    case "--trace": traceWanted = true
    default:
        FileHandle.standardError.write("unknown argument \(flag)\n".data(using: .utf8)!)
        exit(2)
    }
}

/// The benchmark's origins: the first `count` distinct SplitMix64 draws (seed 20261121) modulo `n`, in draw order.
func seededOrigins(count: Int, n: Int) -> [Int] {
    var state: UInt64 = 20_261_121
    var origins: [Int] = []
    while origins.count < min(count, n) {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let node = Int(z % UInt64(n))
        if !origins.contains(node) { origins.append(node) }
    }
    return origins
}

func log(_ s: String) { FileHandle.standardError.write("[network-timing] \(s)\n".data(using: .utf8)!) }

var report: [String: Any] = ["repeats": repeats, "large_repeats": largeRepeats, "max_length": maxLength, "tolerance": tolerance]
let baselineRSSkB = procStatus("VmRSS")

// MARK: memory-only mode
// Loads the large graph, builds the CSR once, drops the input arrays, then runs each algorithm once and
// reports the process's peak RSS (VmHWM) during it against the CSR bytes. Run it with
// MALLOC_MMAP_THRESHOLD_=131072 so glibc returns freed large blocks to the kernel (otherwise a phase can
// reuse pages freed by an earlier one and look free).
if memoryOnly, let prefix = largePrefix {
    let n = readNodeCount(prefix)
    let ext = readArray(prefix + ".ext.f64", as: Double.self)
    let equity = readArray(prefix + ".equity.f64", as: Double.self)
    let shock = readArray(prefix + ".shock.f64", as: Double.self)
    var graph: CSRGraph
    var rssBeforeInputs = 0
    var peakCSRBuild = 0
    do {
        rssBeforeInputs = procStatus("VmRSS")
        let src = readArray(prefix + ".src.i32", as: Int32.self)
        let dst = readArray(prefix + ".dst.i32", as: Int32.self)
        let amt = readArray(prefix + ".amt.f64", as: Double.self)
        graph = try CSRGraph(nodeCount: n, sources: src, targets: dst, amounts: amt)
        peakCSRBuild = procStatus("VmHWM")
    }
    let m = graph.edgeCount
    let csrBytes = (n + 1) * 8 + m * 4 + m * 8
    let resident = procStatus("VmRSS")  // runtime + vectors e, E, h + CSR
    var phases: [String: Any] = [:]
    func measure(_ name: String, _ body: () throws -> Void) rethrows {
        let before = procStatus("VmRSS")
        let ok = resetPeakRSS()
        try body()
        let peak = procStatus("VmHWM")
        phases[name] = ["rss_before_kB": before, "peak_kB": ok ? peak : -1, "extra_kB": ok ? peak - before : -1]
    }
    measure("scc") { _ = StronglyConnectedComponents(graph) }
    try measure("en_fixed_point") { _ = try EisenbergNoe.clear(liabilities: graph, externalAssets: ext, method: .fixedPoint, tolerance: tolerance) }
    try measure("en_fictitious_default") {
        _ = try EisenbergNoe.clear(liabilities: graph, externalAssets: ext, method: .fictitiousDefault, tolerance: tolerance)
    }
    try measure("debtrank_differential") {
        _ = try DebtRank.compute(exposures: graph, equity: equity, initialDistress: shock, variant: .differential)
    }
    let origins = seededOrigins(count: traceOrigins, n: n)
    var traceEntries = 0
    if traceWanted || only.contains("trace") {
        measure("trace") {
            traceEntries = (try? FundsTrace(payments: graph, origins: origins, maxSweeps: traceMaxSweeps, threads: traceThreads))?.mixLabel.count ?? 0
        }
    }
    let out: [String: Any] = [
        "nodes": n, "edges": m, "csr_bytes": csrBytes, "rss_before_inputs_kB": rssBeforeInputs,
        "peak_rss_through_csr_build_kB": peakCSRBuild, "rss_with_graph_kB": resident, "phases": phases,
        "trace_output_bytes": traceEntries * 12 + (n + 1) * 8,
    ]
    print(String(data: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), encoding: .utf8)!)
    exit(0)
}

// MARK: cycles on the small graphs
var cycleReports: [[String: Any]] = []
for prefix in cyclePrefixes {
    let n = readNodeCount(prefix)
    let src = readArray(prefix + ".src.i32", as: Int32.self)
    let dst = readArray(prefix + ".dst.i32", as: Int32.self)
    let amt = readArray(prefix + ".amt.f64", as: Double.self)
    let graph = try CSRGraph(nodeCount: n, sources: src, targets: dst, amounts: amt)
    var times: [Double] = []
    var count = 0
    var byLength = [Int](repeating: 0, count: maxLength + 1)
    _ = ElementaryCycles(graph, maxLength: maxLength)  // warm-up
    for _ in 0..<repeats {
        let (cycles, t) = timed { ElementaryCycles(graph, maxLength: maxLength) }
        times.append(t)
        count = cycles.count
        byLength = [Int](repeating: 0, count: maxLength + 1)
        for c in cycles { byLength[c.length] += 1 }
    }
    log("cycles n=\(n) m=\(graph.edgeCount): \(count) cycles, median \(median(times)) s")
    cycleReports.append([
        "prefix": prefix, "nodes": n, "edges": graph.edgeCount, "cycle_count": count,
        "cycles_by_length": byLength, "median_seconds": median(times), "timings_seconds": times,
    ])
}
report["cycles"] = cycleReports

// MARK: the large graph
if let prefix = largePrefix {
    let n = readNodeCount(prefix)
    let src = readArray(prefix + ".src.i32", as: Int32.self)
    let dst = readArray(prefix + ".dst.i32", as: Int32.self)
    let amt = readArray(prefix + ".amt.f64", as: Double.self)
    let ext = readArray(prefix + ".ext.f64", as: Double.self)
    let equity = readArray(prefix + ".equity.f64", as: Double.self)
    let shock = readArray(prefix + ".shock.f64", as: Double.self)
    var large: [String: Any] = ["nodes": n, "input_edges": src.count]

    // CSR build
    var graph = try CSRGraph(nodeCount: n, sources: src, targets: dst, amounts: amt)  // warm-up
    let rssBeforeCSRkB = procStatus("VmRSS")
    var csrTimes: [Double] = []
    for _ in 0..<largeRepeats {
        let (g, t) = try timed { try CSRGraph(nodeCount: n, sources: src, targets: dst, amounts: amt) }
        csrTimes.append(t)
        graph = g
    }
    let m = graph.edgeCount
    let csrBytes = (n + 1) * 8 + m * 4 + m * 8
    large["edges"] = m
    large["csr_bytes"] = csrBytes
    large["csr_build"] = ["median_seconds": median(csrTimes), "timings_seconds": csrTimes]
    log("CSR build: median \(median(csrTimes)) s, \(m) edges")
    _ = rssBeforeCSRkB
    large["peak_rss_after_csr_kB"] = procStatus("VmHWM")

    // Peak extra memory of each phase: reset VmHWM, run once, read VmHWM − RSS before.
    func phasePeak(_ body: () throws -> Void) rethrows -> Int {
        let before = procStatus("VmRSS")
        guard resetPeakRSS() else {
            try body()
            return -1
        }
        try body()
        return max(0, procStatus("VmHWM") - before)
    }

    func wanted(_ task: String) -> Bool { only.isEmpty ? task != "trace" || traceWanted : only.contains(task) }

    // SCC
    if wanted("scc") {
        var sccTimes: [Double] = []
        var sccCount = 0
        var nonTrivial = 0
        var largest = 0
        let sccPeak = phasePeak { _ = StronglyConnectedComponents(graph) }
        for _ in 0..<largeRepeats {
            let (scc, t) = timed { StronglyConnectedComponents(graph) }
            sccTimes.append(t)
            sccCount = scc.componentCount
            nonTrivial = scc.nonTrivial.count
            largest = (0..<scc.componentCount).map { scc.size(of: $0) }.max() ?? 0
        }
        large["scc"] = [
            "median_seconds": median(sccTimes), "timings_seconds": sccTimes, "component_count": sccCount,
            "nontrivial_count": nonTrivial, "largest_size": largest, "peak_extra_kB": sccPeak,
        ]
        log("SCC: median \(median(sccTimes)) s, \(sccCount) components")
    }

    // Eisenberg–Noe, fixed point and fictitious default
    for (name, method) in [("en_fixed_point", ClearingMethod.fixedPoint), ("en_fictitious_default", ClearingMethod.fictitiousDefault)]
    where wanted(name) {
        var times: [Double] = []
        var result: ClearingVector?
        let peak = try phasePeak {
            result = try EisenbergNoe.clear(liabilities: graph, externalAssets: ext, method: method, tolerance: tolerance)
        }
        for _ in 0..<largeRepeats {
            let (r, t) = try timed {
                try EisenbergNoe.clear(liabilities: graph, externalAssets: ext, method: method, tolerance: tolerance)
            }
            times.append(t)
            result = r
        }
        let r = result!
        let total = median(times)
        large[name] = [
            "median_seconds": total, "timings_seconds": times, "iterations": r.iterations,
            "default_rounds": r.defaultRounds, "seconds_per_sweep": total / Double(max(1, r.iterations)),
            "default_count": r.defaultCount, "total_shortfall": r.totalShortfall, "peak_extra_kB": peak,
        ]
        log("\(name): median \(total) s, \(r.iterations) iterations, \(r.defaultCount) defaults")
        if method == .fixedPoint, let dir = outDir { writeArray(r.payments, dir + "/en_payments.f64") }
        if method == .fictitiousDefault, let dir = outDir { writeArray(r.payments, dir + "/en_fd_payments.f64") }
    }

    // DebtRank (differential)
    if wanted("debtrank") {
        var drTimes: [Double] = []
        var dr: DebtRankResult?
        let drPeak = try phasePeak {
            dr = try DebtRank.compute(exposures: graph, equity: equity, initialDistress: shock, variant: .differential)
        }
        for _ in 0..<largeRepeats {
            let (r, t) = try timed {
                try DebtRank.compute(exposures: graph, equity: equity, initialDistress: shock, variant: .differential)
            }
            drTimes.append(t)
            dr = r
        }
        let drMedian = median(drTimes)
        large["debtrank_differential"] = [
            "median_seconds": drMedian, "timings_seconds": drTimes, "iterations": dr!.iterations,
            "seconds_per_iteration": drMedian / Double(max(1, dr!.iterations)), "debtrank": dr!.debtRank,
            "peak_extra_kB": drPeak,
        ]
        log("DebtRank differential: median \(drMedian) s, \(dr!.iterations) iterations, R = \(dr!.debtRank)")
        if let dir = outDir { writeArray(dr!.distress, dir + "/debtrank_distress.f64") }
    }

    // Funds trace (proportional mixing); a failure (e.g. no convergence within --trace-max-sweeps) is reported with its time.
    if wanted("trace") {
        let origins = seededOrigins(count: traceOrigins, n: n)
        var times: [Double] = []
        var result: FundsTrace?
        var failure: String?
        let peak = phasePeak {
            do { result = try FundsTrace(payments: graph, origins: origins, maxSweeps: traceMaxSweeps, threads: traceThreads) } catch {
                failure = "\(error)"
            }
        }
        for _ in 0..<largeRepeats {
            result = nil
            let (r, t) = timed { () -> FundsTrace? in
                do { return try FundsTrace(payments: graph, origins: origins, maxSweeps: traceMaxSweeps, threads: traceThreads) } catch {
                    failure = "\(error)"
                    return nil
                }
            }
            times.append(t)
            result = r
        }
        let total = median(times)
        var entry: [String: Any] = ["median_seconds": total, "timings_seconds": times, "origins": origins, "peak_extra_kB": peak]
        if let trace = result {
            var unattributed = 0.0
            for v in 0..<n { unattributed = max(unattributed, trace.unattributedShare[v]) }
            entry["labels"] = trace.labels.count
            entry["sweeps"] = trace.sweeps
            entry["entries"] = trace.mixLabel.count
            entry["output_bytes"] = trace.mixLabel.count * 12 + (n + 1) * 8
            entry["largest_unattributed_share"] = unattributed
            log("trace: median \(total) s, \(trace.labels.count) labels, \(trace.sweeps) sweeps, \(trace.mixLabel.count) entries")
            if let dir = outDir {
                var shares = [Double](repeating: 0, count: n * origins.count)
                for v in 0..<n {
                    for (k, origin) in origins.enumerated() { shares[v * origins.count + k] = trace.share(of: v, from: origin) }
                }
                writeArray(shares, dir + "/trace_shares.f64")
            }
        } else {
            entry["error"] = failure ?? "unknown"
            log("trace failed after median \(total) s: \(failure ?? "unknown")")
        }
        large["trace"] = entry
    }
    report["large"] = large
}

report["baseline_rss_kB"] = baselineRSSkB
report["peak_rss_kB"] = procStatus("VmHWM")  // since the last reset (the DebtRank phase) when resets work
report["final_rss_kB"] = procStatus("VmRSS")
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(data: json, encoding: .utf8)!)
