import Testing
@testable import LoopSim

@Suite struct MonteCarloTests {
    /// A small run of the default scenario (its uncertainty: distributions and shocks).
    static func run(threads: Int, paths: Int = 300, seed: UInt64 = 7, schedule: LeverSchedule? = nil)
        -> MonteCarloResult?
    {
        MonteCarlo.run(.article2025, schedule: schedule, paths: paths, seed: seed, threads: threads, months: 36)
    }

    @Test func sameBandsWhateverTheThreadCount() throws {
        let one = try #require(Self.run(threads: 1))
        let two = try #require(Self.run(threads: 2))
        let four = try #require(Self.run(threads: 4))
        #expect(one == two)
        #expect(one == four)
        // And the paths really differ: the bands have width.
        let cw = try #require(one.outcome(of: .coreweave))
        #expect(zip(cw.cash.p95, cw.cash.p5).contains { $0 - $1 > 1e8 })
    }

    @Test func anotherSeedGivesOtherNumbers() throws {
        let a = try #require(Self.run(threads: 2, seed: 1))
        let b = try #require(Self.run(threads: 2, seed: 2))
        #expect(a.outcome(of: .coreweave)?.cash.p50 != b.outcome(of: .coreweave)?.cash.p50)
    }

    @Test func bandsAreOrderedAndCountsAddUp() throws {
        let r = try #require(Self.run(threads: 2))
        for o in r.companies {
            for t in 0...r.horizon {
                let c = o.cash
                #expect(c.p5[t] <= c.p25[t] && c.p25[t] <= c.p50[t] && c.p50[t] <= c.p75[t] && c.p75[t] <= c.p95[t])
            }
            #expect(o.runway.paths == r.paths)
        }
        #expect(r.firstOut.reduce(0, +) + r.nobodyOut == r.paths)
        #expect(r.sampled == Scenario.article2025.uncertainty.parameters.count + 3)
    }

    @Test func withoutUncertaintyEveryPathIsTheProjection() throws {
        var s = Scenario.article2025
        s.uncertainty = Uncertainty()
        s.parameters.setClamped("credit.window", 0)
        let r = try #require(MonteCarlo.run(s, paths: 50, seed: 3, threads: 2, months: 36))
        let p = Engine.project(s, months: 36)
        let cw = try #require(r.outcome(of: .coreweave))
        #expect(cw.cash.p5 == p.months.map(\.coreweave.cash))
        #expect(cw.cash.p95 == p.months.map(\.coreweave.cash))
        let runway = try #require(p.runway(of: .coreweave))
        #expect(cw.runway.counts[runway] == 50)
        #expect(r.firstOutShare(.coreweave) == 1 && r.sampled == 0)
    }

    /// Vast's opening cash drawn uniformly moves month 0's cash one for one, so the
    /// bands of month 0 are the uniform's percentiles plus a fixed amount.
    @Test func percentilesOfAKnownDistribution() throws {
        var s = Scenario.article2025
        let d = try Distribution(value: 1.0e9, low: 0.5e9, high: 1.5e9, kind: .uniform)
        s.uncertainty = Uncertainty(parameters: [UncertainParameter(id: "vast.cash", distribution: d)])
        let r = try #require(MonteCarlo.run(s, paths: 20_000, seed: 11, threads: 2, months: 1))
        let month0 = Engine.project(s, months: 1).months[0].vast.cash - 1.0e9
        let bands = try #require(r.outcome(of: .vast)).cash
        // 90% of the uniform lies in 0.5e9 … 1.5e9: its support is 0.444e9 … 1.556e9.
        let support = (0.5e9 - 1e9 / 18, 1.5e9 + 1e9 / 18)
        for (k, q) in Bands.levels.enumerated() {
            let expected = support.0 + q * (support.1 - support.0)
            #expect(abs(bands[k][0] - month0 - expected) < 0.01e9, "p\(Int(q * 100))")
        }
        #expect(abs(bands.p5[0] - month0 - 0.5e9) < 0.01e9 && abs(bands.p95[0] - month0 - 1.5e9) < 0.01e9)
    }

    @Test func percentileInterpolatesBetweenRanks() {
        let values = (0...100).map(Double.init).shuffled()
        #expect(Percentile.of(values, 0.05) == 5)
        #expect(Percentile.of(values, 0.5) == 50)
        #expect(Percentile.of([1, 2, 3, 4], 0.5) == 2.5)
        #expect(Percentile.of([10, 20], 0.25) == 12.5)
        #expect(Percentile.of([], 0.5) == 0 && Percentile.of([7], 0.95) == 7)
    }

    @Test func runwayDistributionReadsCounts() {
        let r = RunwayDistribution(counts: [0, 2, 0, 3, 0], beyondHorizon: 5)
        #expect(r.paths == 10)
        #expect(r.probability(below: 2) == 0.2)
        #expect(r.probability(below: 4) == 0.5)
        #expect(r.percentile(0.2) == 1 && r.percentile(0.5) == 3 && r.percentile(0.6) == nil)
    }

    @Test func cancelledRunReturnsNothing() {
        let control = MonteCarloControl()
        control.cancel()
        #expect(MonteCarlo.run(.article2025, paths: 500, seed: 1, threads: 2, control: control) == nil)
        #expect(control.completedPaths == 0)
    }

    @Test func progressReachesTheTotal() throws {
        let seen = Locked([Int]())
        let r = MonteCarlo.run(.article2025, paths: 200, seed: 1, threads: 2, months: 12) { done, total in
            #expect(total == 200)
            seen.with { $0.append(done) }
        }
        #expect(r != nil)
        let counts = seen.with { $0 }
        #expect(counts.max() == 200 && counts.count == (200 + MonteCarlo.chunk - 1) / MonteCarlo.chunk)
    }

    @Test func leverMovesTheDistributionNotItsSpread() throws {
        var schedule = LeverSchedule(base: Scenario.article2025.parameters)
        schedule.apply(LeverChange(month: 0, id: "cw.utilization", value: 0.85))
        var rng = PathRandom(seed: 5, path: 0)
        var events = PathEvents()
        let u = Scenario.article2025.uncertainty
        let drawn = u.draw(&rng, schedule: schedule, horizon: 60, events: &events)
        var again = PathRandom(seed: 5, path: 0)
        let plain = u.draw(&again, schedule: LeverSchedule(base: Scenario.article2025.parameters), horizon: 60,
                           events: &events)
        let shifted = drawn.values(at: 0)["cw.utilization"], base = plain.values(at: 0)["cw.utilization"]
        #expect(abs(shifted - min(1, base + 0.10)) < 1e-12)
    }
}
