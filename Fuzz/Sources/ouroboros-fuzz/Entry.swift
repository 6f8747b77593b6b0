/// libFuzzer's entry point: one input, as UTF-8 text (invalid bytes become U+FFFD, as a file read
/// by the CLI would be refused or repaired before it reaches a reader).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzTarget.current.consume(text)
    return 0
}
