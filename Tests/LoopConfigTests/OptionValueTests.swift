import LoopConfig
import LoopReport
import Testing

/// The typed values of command-line options: what each reads, and the one line it gives
/// for text it does not take.
@Suite struct OptionValueTests {
    @Test(arguments: [
        ("24", 24), (" 120 ", 120), ("1", 1), ("1_0", 10),
    ])
    func monthsRead(text: String, months: Int) throws {
        #expect(try MonthCount.read(text, option: "--months").value == months)
    }

    @Test(arguments: ["0", "121", "-3", "2.5", "twelve", "", "1e2"])
    func monthsRefused(text: String) {
        #expect(throws: ConfigError(file: "--months", keyPath: text,
                                    message: "expected a whole number of months, 1 … 120")) {
            _ = try MonthCount.read(text, option: "--months")
        }
    }

    @Test func eachNumberNamesItsRange() throws {
        #expect(try MonthIndex.read("0", option: "--months").value == 0)
        #expect(MonthIndex(optionText: "121") == nil)
        #expect(try PathCount.read("100,000", option: "--monte-carlo").value == 100_000)
        #expect(throws: ConfigError(file: "--monte-carlo", keyPath: "100001",
                                    message: "expected a whole number of paths, 1 … 100,000")) {
            _ = try PathCount.read("100001", option: "--monte-carlo")
        }
        #expect(throws: ConfigError(file: "--threads", keyPath: "0", message: "expected a whole number, 1 … 256")) {
            _ = try ThreadCount.read("0", option: "--threads")
        }
        #expect(try PathSeed.read("18446744073709551615", option: "--seed").value == UInt64.max)
        #expect(PathSeed(optionText: "-1") == nil && PathSeed(optionText: "18446744073709551616") == nil)
    }

    @Test func formatsAreOneWordOfTheList() throws {
        #expect(try OutputFormat.read("json", option: "--format") == .json)
        #expect(throws: ConfigError(file: "--format", keyPath: "JSON",
                                    message: "unknown format; allowed: table, csv, json")) {
            _ = try OutputFormat.read("JSON", option: "--format")
        }
        #expect(OutputFormat.unknown(among: [.table, .json]) == "unknown format; allowed: table, json")
    }
}
