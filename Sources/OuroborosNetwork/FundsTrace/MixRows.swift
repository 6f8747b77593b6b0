import OuroborosCore

/// The pool mixes of one column group, one SIMD row per node.
///
/// Large groups (at least `hugePageBytes` of rows) live in memory aligned to 2 MiB and, on Linux,
/// backed by huge pages where the system allows: the sweeps read a payer's row at random, so with
/// 4 KiB pages almost every read would also miss the TLB. Smaller groups fit the TLB's reach with
/// ordinary pages and take an ordinary allocation: a fresh 2 MiB block for a few dozen rows would be
/// faulted in and zeroed by the kernel on every call (the engine traces a 30-node network every period).
final class MixRows<V: SIMD>: @unchecked Sendable where V.Scalar == Double {
    /// The rows, all zero at first.
    let rows: UnsafeMutableBufferPointer<V>
    /// The size from which rows are placed on huge pages: one whole huge page.
    static var hugePageBytes: Int { 2 << 20 }

    /// `count` zero rows.
    init(count: Int) {
        let bytes = max(1, count) * MemoryLayout<V>.stride
        let raw: UnsafeMutableRawPointer
        if bytes >= Self.hugePageBytes {
            let rounded = (bytes + Self.hugePageBytes - 1) / Self.hugePageBytes * Self.hugePageBytes
            raw = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: Self.hugePageBytes)
            CLibrary.adviseHugePages(raw, rounded)
        } else {
            raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: MemoryLayout<V>.alignment)
        }
        let typed = raw.bindMemory(to: V.self, capacity: count)
        typed.initialize(repeating: V(), count: count)
        rows = UnsafeMutableBufferPointer(start: typed, count: count)
    }

    deinit { UnsafeMutableRawPointer(rows.baseAddress!).deallocate() }
}
