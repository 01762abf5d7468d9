// A calendar date without a time or a zone: what the library means by a date (the first day of
// an appointment, the day of a ledger event). Swift has no such type; Foundation's Date is an
// instant. The generated bindings convert it from and to ISO text (`2015-02-01`).
import Foundation

public struct LocalDate: Hashable, Comparable, CustomStringConvertible, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts; the library checks it when it crosses into Rust.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from ISO text as the library writes it (`YYYY-MM-DD`). Text that is not one gives
    /// year 0, which the library refuses with `INVALID_DATE` when it is passed back.
    public init(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3 {
            self.init(year: parts[0], month: parts[1], day: parts[2])
        } else {
            self.init(year: 0, month: 0, day: 0)
        }
    }

    /// ISO text: `YYYY-MM-DD`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
