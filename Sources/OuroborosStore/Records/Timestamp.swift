import OuroborosCore

/// Instants as the store keeps them: ISO 8601 in UTC with milliseconds, `2026-11-21T07:12:38.123Z`.
/// The fixed width makes text order equal time order, so the store sorts and compares them as text.
public enum Timestamp {
    /// The current instant.
    public static func now() -> String {
        let now = CLibrary.now()
        return format(seconds: now.seconds, milliseconds: now.milliseconds)
    }

    /// The instant `seconds` (since 1970-01-01 UTC) plus `milliseconds`.
    public static func format(seconds: Int, milliseconds: Int = 0) -> String {
        let utc = CLibrary.utcComponents(seconds)
        return "\(padded(utc.year, 4))-\(padded(utc.month, 2))-\(padded(utc.day, 2))T"
            + "\(padded(utc.hour, 2)):\(padded(utc.minute, 2)):\(padded(utc.second, 2)).\(padded(milliseconds, 3))Z"
    }

    /// Reads a date as typed by a user, in UTC: `2026-11-01` (midnight), `2026-11-01T12:30`,
    /// `2026-11-01T12:30:00`, with or without a trailing `Z` and milliseconds; nil when it is not
    /// one of these or not a real date. Returns the stored form.
    public static func parse(_ text: String) -> String? {
        let characters = Array(text.hasSuffix("Z") ? text.dropLast() : Substring(text))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count, range.allSatisfy({ characters[$0].isASCII && characters[$0].isNumber }) else { return nil }
            return Int(String(characters[range]))
        }
        func character(_ index: Int, is expected: Character) -> Bool { index < characters.count && characters[index] == expected }
        guard let year = number(0..<4), character(4, is: "-"), let month = number(5..<7), character(7, is: "-"),
            let day = number(8..<10)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var milliseconds = 0
        if characters.count > 10 {
            guard character(10, is: "T") || character(10, is: " "), let h = number(11..<13), character(13, is: ":"),
                let m = number(14..<16)
            else { return nil }
            (hour, minute) = (h, m)
            if characters.count > 16 {
                guard character(16, is: ":"), let s = number(17..<19) else { return nil }
                second = s
                if characters.count > 19 {
                    guard character(19, is: "."), characters.count == 23, let ms = number(20..<23) else { return nil }
                    milliseconds = ms
                }
            }
        }
        let seconds = CLibrary.utcSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let stored = format(seconds: seconds, milliseconds: milliseconds)
        // timegm normalises 2026-02-30 to March: reject dates that did not survive the round trip.
        let expected = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(hour, 2)):\(padded(minute, 2)):\(padded(second, 2))"
        return stored.hasPrefix(expected) ? stored : nil
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
