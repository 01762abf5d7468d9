// Replays every conformance vector through the generated Swift records (JSON -> record -> Rust
// -> record -> JSON), the same contract as every other host, then checks the type and error map.
import Foundation
import XCTest
@testable import Lemniscaat

final class VectorTests: XCTestCase {
    /// tests/vectors at the repository root.
    static let vectors = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tests/vectors")

    func run(_ file: String, _ input: String) throws -> String {
        switch file {
        case "entitlement.json": return try entitlementToJson(value: entitlement(input: entitlementInputFromJson(json: input)))
        case "ledger.json": return try ledgerResultToJson(value: ledger(input: ledgerInputFromJson(json: input)))
        case "eligibility.json": return try eligibilityToJson(value: eligibility(input: eligibilityInputFromJson(json: input)))
        case "lumpsum.json": return try lumpsumResultToJson(value: lumpsum(input: lumpsumInputFromJson(json: input)))
        case "classification.json": return try classificationToJson(value: classify(input: classifyInputFromJson(json: input)))
        case "mix.json": return try mixToJson(value: mix(input: mixInputFromJson(json: input)))
        case "cycle.json": return try cycleStatusToJson(value: cycleStatus(input: cycleInputFromJson(json: input)))
        default: return try validationReportToJson(value: validateDataset(datasetJson: input))
        }
    }

    func code(_ e: LemniscaatError) -> String {
        switch e {
        case let .Input(code, _, _, _), let .Rules(code, _, _, _), let .Ledger(code, _, _, _),
             let .Plan(code, _, _, _), let .Limit(code, _, _, _):
            return "\(code)"
        case let .Internal(detail):
            return "INTERNAL \(detail)"
        }
    }

    /// The JSON Pointer path of a refusal (empty for an internal error).
    func path(_ e: LemniscaatError) -> String {
        switch e {
        case let .Input(_, path, _, _), let .Rules(_, path, _, _), let .Ledger(_, path, _, _),
             let .Plan(_, path, _, _), let .Limit(_, path, _, _):
            return path
        case .Internal:
            return ""
        }
    }

    /// Decimals numerically, objects by the expected keys, `codes` as codes that must be present.
    func check(_ path: String, _ expected: Any, _ actual: Any?, _ failures: inout [String]) {
        switch (expected, actual) {
        case let (e as [String: Any], a as [String: Any]):
            for (k, ev) in e {
                if k == "codes" {
                    let got = (a["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                    for c in ev as? [String] ?? [] where !got.contains(c) { failures.append("\(path)/codes: \(c) missing") }
                } else if let av = a[k] {
                    check("\(path)/\(k)", ev, av, &failures)
                } else {
                    failures.append("\(path)/\(k) missing")
                }
            }
        case let (e as [Any], a as [Any]):
            if e.count != a.count { failures.append("\(path): \(e.count) items expected, got \(a.count)"); return }
            for (i, ev) in e.enumerated() { check("\(path)/\(i)", ev, a[i], &failures) }
        case let (e as String, a as String):
            let x = Decimal(string: e, locale: Locale(identifier: "en_US_POSIX"))
            let y = Decimal(string: a, locale: Locale(identifier: "en_US_POSIX"))
            let same = (x != nil && y != nil && e.first != nil && e.first!.isNumber) ? x == y : e == a
            if !same { failures.append("\(path): expected \(e), got \(a)") }
        case let (e as NSNumber, a as NSNumber):
            if e != a { failures.append("\(path): expected \(e), got \(a)") }
        case (is NSNull, is NSNull):
            break
        default:
            failures.append("\(path): expected \(expected), got \(String(describing: actual))")
        }
    }

    func testEveryVector() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.vectors.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let data = try Data(contentsOf: Self.vectors.appendingPathComponent(file))
            let cases = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
            for c in cases {
                let name = "\(file): \(c["name"] ?? "?")"
                let input = String(data: try JSONSerialization.data(withJSONObject: c["input"]!, options: [.fragmentsAllowed]), encoding: .utf8)!
                do {
                    let out = try run(file, input)
                    let result = try JSONSerialization.jsonObject(with: out.data(using: .utf8)!) as! [String: Any]
                    if let err = c["error"] as? [String: Any] { XCTFail("\(name): expected \(err["code"]!), got a result"); continue }
                    let expected = c["expected"] as! [String: Any]
                    var failures: [String] = []
                    if file.hasPrefix("validation") {
                        let codes = (result["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                        for x in expected["includes"] as? [String] ?? [] where !codes.contains(x) { failures.append("\(x) missing") }
                        for x in expected["excludes"] as? [String] ?? [] where codes.contains(x) { failures.append("\(x) must be absent") }
                    } else {
                        check("", expected, result, &failures)
                    }
                    XCTAssert(failures.isEmpty, "\(name): \(failures)")
                } catch let e as LemniscaatError {
                    let want = (c["error"] as? [String: Any])?["code"] as? String
                    XCTAssertEqual(want.map { $0.replacingOccurrences(of: "_", with: "").lowercased() },
                                   code(e).replacingOccurrences(of: "_", with: "").lowercased(), "\(name): \(e)")
                    // The code and the JSON Pointer of the offending value (tests/vectors/README.md).
                    XCTAssertEqual((c["error"] as? [String: Any])?["path"] as? String, path(e), "\(name): \(e)")
                }
            }
        }
    }

    func testTypes() throws {
        let e = try entitlement(input: EntitlementInput(
            schoolYear: "2014-2015",
            appointments: [Appointment(category: .support, wtf: Decimal(string: "0.5")!, start: LocalDate(year: 2010, month: 8, day: 1))]
        ))
        XCTAssertEqual(e.hours, Decimal(20))
        XCTAssertEqual(e.ruleSet, "cao-vo-2014-2015")
        XCTAssertNotNil(e.receipt)
    }

    func testErrors() throws {
        XCTAssertThrowsError(try entitlement(input: EntitlementInput(
            schoolYear: "2014-2015",
            appointments: [Appointment(category: .support, wtf: Decimal(string: "1.5")!, start: LocalDate(year: 2010, month: 8, day: 1))]
        ))) { error in
            guard case let LemniscaatError.Input(code, path, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, .invalidWtf)
            XCTAssertEqual(path, "/appointments/0/wtf")
        }
        XCTAssertThrowsError(try validateDataset(datasetJson: "{"))
    }

    func testRuleBook() throws {
        let book = try RuleBook.withOverrides(overridesJson: """
            {"rule_sets":[{"id":"cao-vo-2014-2015","name":"CAO VO 2014-2015, 50 h support",
              "in_force_from":{"value":"2014-08-01","provenance":{"confidence":"seed","source":"seed"}},
              "parameters":{"support_hours":{"value":"50","article":"17.4","lid":"3",
                "provenance":{"confidence":"inferred","source":"lemniscaat"}}}}]}
            """)
        let input = EntitlementInput(
            schoolYear: "2014-2015",
            appointments: [Appointment(category: .support, wtf: Decimal(string: "0.5")!, start: LocalDate(year: 2010, month: 8, day: 1))]
        )
        XCTAssertEqual(try book.entitlement(input: input).hours, Decimal(25))
        XCTAssertEqual(try entitlement(input: input).hours, Decimal(20))
        XCTAssertThrowsError(try RuleBook.withOverrides(overridesJson: "{not json"))
    }

    /// The exported Rust Display: the English message, then the code and the path
    /// (entitlement.json: wtf above 1); the typed fields stay.
    func testAnErrorReadsAsASentence() {
        let input = #"{"school_year":"2014-2015","appointments":[{"category":"support","wtf":"1.5","start":"2010-08-01","end":null}]}"#
        let sentence = "wtf 1.5 is not above 0 and at most 1 (INVALID_WTF at /appointments/0/wtf)"
        XCTAssertThrowsError(try entitlementInputFromJson(json: input)) { error in
            XCTAssertEqual("\(error)", sentence)
            XCTAssertEqual(error.localizedDescription, sentence)
            guard case let LemniscaatError.Input(code, path, messageEn, messageNl) = error else {
                return XCTFail("not an input error: \(error)")
            }
            XCTAssertEqual(code, .invalidWtf)
            XCTAssertEqual(path, "/appointments/0/wtf")
            XCTAssertEqual(messageEn, "wtf 1.5 is not above 0 and at most 1")
            XCTAssertEqual(messageNl, "werktijdfactor 1,5 moet groter zijn dan 0 en ten hoogste 1")
        }
    }
}
