#if canImport(Glibc)
    import Glibc
#endif

/// The pool mixes of one column group, one SIMD row per node, in memory aligned to 2 MiB and (on Linux) backed by huge pages where the system allows: the sweeps read a payer's row at random, so with 4 KiB pages almost every read would also miss the TLB.
final class MixRows<V: SIMD>: @unchecked Sendable where V.Scalar == Double {
    /// The rows, all zero at first.
    let rows: UnsafeMutableBufferPointer<V>
    private static var alignment: Int { 2 << 20 }

    /// `count` zero rows.
    init(count: Int) {
        let bytes = max(1, count) * MemoryLayout<V>.stride
        let rounded = (bytes + Self.alignment - 1) / Self.alignment * Self.alignment
        let raw = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: Self.alignment)
        #if canImport(Glibc)
            if rounded >= Self.alignment { _ = madvise(raw, rounded, Int32(MADV_HUGEPAGE)) }
        #endif
        let typed = raw.bindMemory(to: V.self, capacity: count)
        typed.initialize(repeating: V(), count: count)
        rows = UnsafeMutableBufferPointer(start: typed, count: count)
    }

    deinit { UnsafeMutableRawPointer(rows.baseAddress!).deallocate() }
}
