import Foundation
import TestSupport
import Testing

/// Every option read from text, as a person types it: a bad value is one line naming the
/// option, exit status 2 and nothing on stdout; a good value works; help and version exit 0.
@Suite struct CommandLineOptionsTests {
    @Test(arguments: [
        (["simulate", "--format", "xml"], "--format: xml: unknown format; allowed: table, csv, json"),
        (["simulate", "--months", "0"], "--months: 0: expected a whole number of months, 1 … 120"),
        (["simulate", "--months", "-5"], "--months: -5: expected a whole number of months, 1 … 120"),
        (["compare", "article-2025", "price-war", "--months", "121"],
         "--months: 121: expected a whole number of months, 1 … 120"),
        (["snapshot", "--months", "soon"], "--months: soon: expected a whole number of months, 0 … 120"),
        (["simulate", "--monte-carlo", "0"], "--monte-carlo: 0: expected a whole number of paths, 1 … 100,000"),
        (["simulate", "--monte-carlo", "10", "--seed", "-1"],
         "--seed: -1: expected a whole number 0 … 18446744073709551615"),
        (["simulate", "--monte-carlo", "10", "--threads", "999"], "--threads: 999: expected a whole number, 1 … 256"),
        (["simulate", "--threads", "2"], "--threads: 2: applies only with --monte-carlo N"),
        (["snapshot", "--color", "pink"], "--color: pink: unknown colour choice; allowed: auto, direct, 256, 16, 8, mono"),
        (["snapshot", "--format", "png"], "--format: png: unknown format; allowed: text, svg"),
        (["keys", "--context", "everywhere"], "--context: everywhere: unknown context; allowed: global, levers, graph, "
            + "script, help, resetQuestion, quitQuestion, tornado, picker, comparison, input, numbers"),
        (["simulate", "--bogus"], "Unknown option '--bogus'"),
        (["simulate", "--months"], "Missing value for '--months <N>'"),
        (["--speed", "100"], "--speed must be between 0 and 64"),
        (["serve", "--max-sessions", "0"], "--max-sessions must be from 1 to 1024"),
        (["simulate", "--set", "cw.nope=3"], "--set: cw.nope: unknown parameter; `moneyloop params` lists them"),
    ])
    func badValueIsOneLineAndStatusTwo(args: [String], line: String) throws {
        let r = try runProcess(moneyloopBinary, args)
        #expect(r.status == 2, "\(args): status \(r.status)")
        #expect(r.out.isEmpty)
        #expect(r.err == "moneyloop: \(line)\n")
    }

    @Test(arguments: [
        (["simulate", "--format", "csv", "--months", "1_2"], "month,"),
        (["simulate", "--format", "json", "--months", "3"], "\"months\""),
        (["compare", "article-2025", "price-war", "--months", "24", "--format", "json"], "price-war"),
        (["snapshot", "--months", "12", "--size", "80x24", "--panel", "runway"], "Revenue runway"),
        (["snapshot", "--format", "svg", "--color", "16", "--size", "80x24"], "</svg>"),
        (["simulate", "--monte-carlo", "1,000", "--seed", "7", "--threads", "2", "--months", "12"],
         "Monte Carlo: 1,000 paths, seed 7, 12 months"),
        (["keys", "--context", "help"], "| "),
    ])
    func goodValueWorks(args: [String], expected: String) throws {
        let r = try runProcess(moneyloopBinary, args)
        #expect(r.status == 0, "\(args): \(r.err)")
        #expect(r.err.isEmpty && r.out.contains(expected), "\(args)")
    }

    @Test func monthsChangeTheRun() throws {
        let twelve = try runProcess(moneyloopBinary, ["simulate", "--format", "csv", "--months", "12"])
        let thirty = try runProcess(moneyloopBinary, ["simulate", "--format", "csv", "--months", "30"])
        #expect(twelve.out.split(separator: "\n").count + 18 == thirty.out.split(separator: "\n").count)
    }

    @Test(arguments: [["--help"], ["simulate", "--help"], ["--version"], ["help", "simulate"]])
    func helpAndVersionExitZero(args: [String]) throws {
        let r = try runProcess(moneyloopBinary, args)
        #expect(r.status == 0 && !r.out.isEmpty && r.err.isEmpty, "\(args): \(r.status) \(r.err)")
    }

    @Test func helpWritesTheLimitsFromTheTypes() throws {
        let r = try runProcess(moneyloopBinary, ["simulate", "--help"])
        #expect(r.out.contains("1 … 120") && r.out.contains("1 … 100,000") && r.out.contains("1 … 256"))
    }
}
