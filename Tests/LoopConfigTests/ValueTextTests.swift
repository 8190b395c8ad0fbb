import Testing
@testable import LoopConfig
import LoopDashboard
@testable import LoopSim

/// One reading of typed values for `--set`, `:set` and loop files.
@Suite struct ValueTextTests {
    @Test func readsNumbersUnitsAndScales() {
        let cases: [(String, Double?)] = [
            ("0.9", 0.9), ("90%", 0.9), ("1.17B", 1.17e9), ("$750M", 750e6), ("750m", 750e6), ("300_000", 300_000),
            ("18mo", 18), ("18 months", 18), ("4yr", 4), ("200bp", 200), ("150x", 150), ("$2.35/h", 2.35),
            ("2.5k", 2500), ("1,000", 1000), ("1T", 1e12), ("abc", nil), ("", nil), ("inf", nil), ("nan", nil),
            ("1e400", nil), ("0x10", nil), ("18moo", nil),
        ]
        for (text, want) in cases { #expect(ValueText.read(text)?.value == want, "\(text)") }
    }

    @Test func setOptionAndTheDashboardReadTheSameValues() throws {
        // The example of the issue: `:set cw.leadTimeMonths 18mo` worked, `--set …=18mo` did not.
        #expect(try SetOption.parse("cw.leadTimeMonths=18mo").value == 18)
        let lead = try #require(ParameterRegistry.parameter("cw.leadTimeMonths"))
        #expect(try ValueParser.parse("18mo", for: lead) == 18)
        for (id, text) in [("cw.utilization", "82%"), ("vast.dealTotal", "$1.5B"), ("rates.shockBps", "200bp"),
                           ("vast.multiple", "150x"), ("price.gpuHour", "$2.35/h")]
        {
            let p = try #require(ParameterRegistry.parameter(ParameterID(id)))
            #expect(try SetOption.parse("\(id)=\(text)").value == ValueParser.parse(text, for: p), "\(id)=\(text)")
        }
    }
}
