import OuroborosStore
import Testing

/// The scenario fingerprint against the FIPS 180-4 / NIST example vectors.
@Suite("SHA-256")
struct SHA256Tests {
    @Test("NIST vectors: empty, abc, the two-block message, a million a's")
    func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("lengths around the padding boundary (55, 56, 63, 64 bytes) and non-ASCII text")
    func paddingBoundaries() {
        // Reference digests computed with coreutils sha256sum.
        #expect(SHA256.hex(String(repeating: "x", count: 55)) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072")
        #expect(SHA256.hex(String(repeating: "x", count: 56)) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e")
        #expect(SHA256.hex(String(repeating: "x", count: 63)) == "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2")
        #expect(SHA256.hex(String(repeating: "x", count: 64)) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c")
        #expect(SHA256.hex("Ουροβόρος — €") == "8393084898aa4ae83f7ec9ff54d68383093c8770ea86dc110e8b300c76b2e22d")
    }
}
