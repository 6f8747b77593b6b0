import OuroborosCore
import OuroborosEquations
import Testing

/// SIM and PC against data/reference/godley-lavoie.md (period 0 = initial state).
@Suite("Godley–Lavoie reference values")
struct ReferenceValueTests {
    /// SIM rows: period, Y, T, YD, C, H.
    static let simSixDecimals: [(Int, [Double])] = [
        (1, [38.461538, 7.692308, 30.769231, 18.461538, 12.307692]),
        (2, [47.928994, 9.585799, 38.343195, 27.928994, 22.721893]),
        (3, [55.939918, 11.187984, 44.751934, 35.939918, 31.533909]),
    ]
    static let simFourDecimals: [(Int, [Double])] = [
        (5, [68.4540, 13.6908, 54.7632, 48.4540, 45.2994]),
        (10, [86.3167, 17.2633, 69.0534, 66.3167, 64.9484]),
        (20, [97.4256, 19.4851, 77.9404, 77.4256, 77.1681]),
        (50, [99.9829, 19.9966, 79.9863, 79.9829, 79.9811]),
    ]
    static let simColumns = ["Y", "Ts", "YD", "Cs", "Hh"]

    /// PC rows: period, Y, YD, T, C, V, Bh, Hh.
    static let pcFourDecimals: [(Int, [Double])] = [
        (1, [38.4615, 30.7692, 7.6923, 18.4615, 12.3077, 9.0462, 3.2615]),
        (2, [48.1378, 38.6911, 9.6728, 28.1378, 22.8611, 16.9875, 5.8736]),
        (3, [56.4390, 45.4909, 11.3727, 36.4390, 31.9130, 23.7990, 8.1140]),
        (5, [69.6665, 56.3260, 14.0815, 49.6665, 46.3367, 34.6526, 11.6841]),
        (10, [89.3927, 72.4844, 18.1211, 69.3927, 67.8468, 50.8387, 17.0081]),
        (20, [102.8022, 83.4686, 20.8672, 82.8022, 82.4691, 61.8418, 20.6273]),
        (50, [106.4496, 86.4563, 21.6141, 86.4496, 86.4463, 64.8346, 21.6117]),
        (100, [106.4865, 86.4865, 21.6216, 86.4865, 86.4865, 64.8649, 21.6216]),
    ]
    static let pcColumns = ["Y", "YD", "T", "C", "V", "Bh", "Hh"]

    @Test func simMatchesTheSixDecimalRowsToOneMillionth() throws {
        let result = try EquationModel.compile(simSpec()).run()
        for (period, expected) in Self.simSixDecimals {
            for (name, value) in zip(Self.simColumns, expected) {
                let actual = try #require(result.series(name))[period]
                #expect(abs(actual - value) <= 1e-6 * abs(value), "SIM \(name) in period \(period): \(actual) vs \(value)")
            }
        }
    }

    @Test func simMatchesTheFourDecimalRows() throws {
        let result = try EquationModel.compile(simSpec()).run()
        for (period, expected) in Self.simFourDecimals {
            for (name, value) in zip(Self.simColumns, expected) {
                let actual = try #require(result.value(of: name, at: period))
                #expect(abs(actual - value) <= 5e-5, "SIM \(name) in period \(period): \(actual) vs \(value)")
            }
        }
    }

    @Test func pcMatchesEveryReferenceRow() throws {
        let result = try EquationModel.compile(pcSpec()).run()
        for (period, expected) in Self.pcFourDecimals {
            for (name, value) in zip(Self.pcColumns, expected) {
                let actual = try #require(result.value(of: name, at: period))
                #expect(abs(actual - value) <= 5e-5, "PC \(name) in period \(period): \(actual) vs \(value)")
            }
        }
    }

    @Test func pcApproachesItsSteadyState() throws {
        let result = try EquationModel.compile(pcSpec(periods: 400)).run()
        let expected = [
            "Y": 106.486486, "YD": 86.486486, "C": 86.486486, "V": 86.486486, "T": 21.621622,
            "Bh": 64.864865, "Hh": 21.621622, "Hs": 21.621622, "Bcb": 21.621622,
        ]
        for (name, value) in expected {
            #expect(abs(try #require(result.value(of: name, at: 400)) - value) <= 1e-6 * value, "\(name)")
        }
        let v = try #require(result.value(of: "V", at: 400))
        let bh = try #require(result.value(of: "Bh", at: 400))
        #expect(abs(bh / v - 0.75) <= 1e-9)
    }

    @Test func pcKeepsItsHiddenEquationAndBondIdentities() throws {
        let result = try EquationModel.compile(pcSpec()).run()
        let hh = try #require(result.series("Hh"))
        let hs = try #require(result.series("Hs"))
        let bs = try #require(result.series("Bs"))
        let v = try #require(result.series("V"))
        let bcb = try #require(result.series("Bcb"))
        for period in 1...100 {
            #expect(agrees(hh[period], hs[period], relative: 1e-9))
            #expect(agrees(bs[period], v[period], relative: 1e-9))
            #expect(agrees(bcb[period], hs[period], relative: 1e-9))
        }
    }

    @Test func aBrokenHiddenEquationIsReported() throws {
        var spec = pcSpec()
        spec.hidden = [EquationSource("Hh = Bs", at: place(30, 5))]
        let error = runError(try EquationModel.compile(spec))
        guard case .hiddenEquationFailed(let model, let period, let equation, let difference, let location) = error else {
            Issue.record("expected hiddenEquationFailed, got \(String(describing: error))")
            return
        }
        #expect(model == "PC")
        #expect(period == 1)
        #expect(equation == "Hh = Bs")
        #expect(abs(difference) > 1)
        #expect(location == place(30, 5))
        #expect(error?.location == place(30, 5))
    }
}
