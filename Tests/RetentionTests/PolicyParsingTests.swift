import BunkerRetention
import Foundation
import Testing

@Suite struct PolicyParsingTests {
    static let standardKeep = RetentionPolicy.Keep(
        last: 3, within: .hours(48), daily: 14, weekly: 8, monthly: 12, yearly: 7)

    @Test func standard_loadsAsDocumented() throws {
        let policy = try RetentionPolicy.load(path: Fixture.shippedPolicyPath("standard.json"))
        #expect(
            policy
                == RetentionPolicy(
                    summary: "keep the last 3, everything within 48 hours, 14 daily, 8 weekly, "
                        + "12 monthly, 7 yearly",
                    keep: Self.standardKeep, lock: .governance))
        #expect(policy.keep.within?.text == "48h")
    }

    @Test func compliance_hasTheStandardRulesAndACompliancelock() throws {
        let policy = try RetentionPolicy.load(path: Fixture.shippedPolicyPath("compliance.json"))
        #expect(policy.keep == Self.standardKeep)
        #expect(policy.lock == .compliance)
    }

    @Test func minimal_keepsSevenAndSevenDays_withoutLock() throws {
        let policy = try RetentionPolicy.load(path: Fixture.shippedPolicyPath("minimal.json"))
        #expect(policy.keep == RetentionPolicy.Keep(last: 7, within: .days(7)))
        #expect(policy.keep.within?.minutes == 7 * 1440)
        #expect(policy.lock == nil)
    }

    @Test func json5Relaxations_areAccepted() throws {
        let text = """
            /* block comment */
            {
              keep: { last: 2, "hourly": 24, }, // unquoted keys and trailing commas
              lock: { mode: 'COMPLIANCE' },
            }
            """
        let policy = try RetentionPolicy.parse(Data(text.utf8), name: "relaxed.json")
        #expect(policy == RetentionPolicy(keep: .init(last: 2, hourly: 24), lock: .compliance))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let json: String
        let code: String
        let field: String?
        var testDescription: String { json }
    }

    static let invalid: [Invalid] = [
        Invalid(
            json: #"{"keep": {"daily": -1}}"#, code: "policy.invalid_value", field: "keep.daily"),
        Invalid(
            json: #"{"keep": {"daily": 1.5}}"#, code: "policy.invalid_value", field: "keep.daily"),
        Invalid(
            json: #"{"keep": {"yearly": 100001}}"#, code: "policy.invalid_value",
            field: "keep.yearly"),
        Invalid(
            json: #"{"keep": {"daily": "14"}}"#, code: "policy.wrong_type", field: "keep.daily"),
        Invalid(json: #"{"keep": {"last": true}}"#, code: "policy.wrong_type", field: "keep.last"),
        Invalid(json: #"{"keep": {"last": null}}"#, code: "policy.wrong_type", field: "keep.last"),
        Invalid(
            json: #"{"keep": {"dayly": 3}}"#, code: "policy.unknown_field", field: "keep.dayly"),
        Invalid(
            json: #"{"keep": {"last": 3}, "extra": 1}"#, code: "policy.unknown_field",
            field: "extra"),
        Invalid(
            json: #"{"keep": {"last": 3}, "lock": {"mode": "governance"}}"#,
            code: "policy.invalid_value", field: "lock.mode"),
        Invalid(
            json: #"{"keep": {"last": 3}, "lock": {"mode": 1}}"#, code: "policy.wrong_type",
            field: "lock.mode"),
        Invalid(
            json: #"{"keep": {"last": 3}, "lock": {}}"#, code: "policy.missing_field",
            field: "lock.mode"),
        Invalid(
            json: #"{"keep": {"last": 3}, "lock": {"mode": "GOVERNANCE", "days": 3}}"#,
            code: "policy.unknown_field", field: "lock.days"),
        Invalid(
            json: #"{"keep": {"last": 3}, "lock": "GOVERNANCE"}"#, code: "policy.wrong_type",
            field: "lock"),
        Invalid(
            json: #"{"keep": {"last": 3}, "description": 5}"#, code: "policy.wrong_type",
            field: "description"),
        Invalid(
            json: #"{"keep": {"within": 48}}"#, code: "policy.wrong_type", field: "keep.within"),
        Invalid(
            json: #"{"keep": {"within": "48"}}"#, code: "policy.invalid_value", field: "keep.within"
        ),
        Invalid(
            json: #"{"keep": {"within": "3mo"}}"#, code: "policy.invalid_value",
            field: "keep.within"),
        Invalid(json: #"{"keep": [1]}"#, code: "policy.wrong_type", field: "keep"),
        Invalid(
            json: #"{"lock": {"mode": "GOVERNANCE"}}"#, code: "policy.missing_field",
            field: "keep"),
        Invalid(json: #"[]"#, code: "policy.wrong_type", field: ""),
        Invalid(json: #"{"keep": "#, code: "policy.syntax", field: nil),
        Invalid(json: #"{"keep": {}}"#, code: "policy.keeps_nothing", field: nil),
        Invalid(
            json: #"{"keep": {"last": 0, "daily": 0}, "lock": {"mode": "COMPLIANCE"}}"#,
            code: "policy.keeps_nothing", field: nil),
    ]

    @Test(arguments: invalid)
    func invalidPolicy_isRejected_namingFileAndField(_ example: Invalid) {
        #expect {
            try RetentionPolicy.parse(Data(example.json.utf8), name: "broken.json")
        } throws: { error in
            guard let error = error as? RetentionPolicyError else { return false }
            let namesField =
                example.field.map { $0.isEmpty || error.description.contains($0) } ?? true
            return error.code == example.code && error.field == example.field
                && error.file == "broken.json" && error.description.contains("broken.json")
                && namesField
        }
    }

    @Test func exactErrors_sayWhatWasExpected() {
        func error(_ json: String) -> RetentionPolicyError? {
            do {
                _ = try RetentionPolicy.parse(Data(json.utf8), name: "p.json")
                return nil
            } catch {
                return error
            }
        }

        #expect(
            error(#"{"keep": {"daily": -1}}"#)
                == .invalidValue(
                    file: "p.json", field: "keep.daily",
                    reason: "expected an integer from 0 to 100000, found -1"))
        #expect(
            error(#"{"keep": {"daily": "14"}}"#)
                == .wrongType(
                    file: "p.json", field: "keep.daily", expected: "an integer from 0 to 100000",
                    found: "a string (\"14\")"))
        #expect(
            error(#"{"keep": {"dayly": 3}}"#)
                == .unknownField(
                    file: "p.json", field: "keep.dayly",
                    allowed: ["last", "within", "hourly", "daily", "weekly", "monthly", "yearly"]))
        #expect(
            error(#"{"keep": {"within": "1y"}}"#)
                == .invalidValue(
                    file: "p.json", field: "keep.within",
                    reason: RetentionDurationError.calendarUnit("1y", unit: "y").description))
        #expect(error(#"{"keep": {"last": 0}}"#) == .keepsNothing(file: "p.json"))
    }

    @Test func keepsNothing_saysHowToFixIt() {
        let description = RetentionPolicyError.keepsNothing(file: "p.json").description
        #expect(description.contains("keeps nothing"))
        #expect(description.contains("\"last\": 7"))
    }

    @Test func calendarUnitInWithin_explainsWhy() {
        let description = RetentionDurationError.calendarUnit("3mo", unit: "mo").description
        #expect(description.contains("months and years"))
        #expect(description.contains("monthly/yearly"))
    }

    @Test func missingFile_isUnreadable() {
        #expect(throws: RetentionPolicyError.self) {
            try RetentionPolicy.load(path: "/nonexistent/bunker/policy.json")
        }
        do {
            _ = try RetentionPolicy.load(path: "/nonexistent/bunker/policy.json")
        } catch {
            #expect(error.code == "policy.unreadable")
            #expect(error.file == "/nonexistent/bunker/policy.json")
        }
    }
}
