import Foundation

/// The stored form of a series: its doubles as IEEE-754 binary64, little-endian, one after the
/// other. Exact (every bit, NaN payloads included) and eight bytes a value.
enum SeriesBlob {
    /// The bytes of `values`.
    static func encode(_ values: [Double]) -> Data {
        let words = values.map { $0.bitPattern.littleEndian }
        return words.withUnsafeBytes { Data($0) }
    }

    /// The values in `data`, or nil when its length is not a multiple of eight.
    static func decode(_ data: Data) -> [Double]? {
        guard data.count % 8 == 0 else { return nil }
        var values: [Double] = []
        values.reserveCapacity(data.count / 8)
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 8) {
                let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                values.append(Double(bitPattern: UInt64(littleEndian: bits)))
            }
        }
        return values
    }
}
