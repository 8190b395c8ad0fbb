import Testing
@testable import LoopSim

@Suite struct DistributionTests {
    static let kinds: [(DistributionKind, Double, Double, Double)] = [
        (.uniform, 0.75, 0.70, 0.90),
        (.triangular, 0.75, 0.70, 0.90),
        (.triangular, 0, 0, 9),
        (.normal, 2.4, 2.1, 2.6),
        (.lognormal, 45_000, 37_500, 52_000),
    ]

    /// The interval is a 90% interval: 5% of the mass below low, 5% above high.
    @Test(arguments: kinds)
    func intervalIsTheFiveAndNinetyFivePercentPoints(kind: DistributionKind, value: Double, low: Double, high: Double)
        throws
    {
        let d = try Distribution(value: value, low: low, high: high, kind: kind)
        let w = high - low
        #expect(abs(d.quantile(0.05) - low) < 1e-6 * w)
        #expect(abs(d.quantile(0.95) - high) < 1e-6 * w)
    }

    /// Sample mean and variance of 200,000 draws match the distribution's own.
    @Test(arguments: kinds)
    func sampleMomentsMatch(kind: DistributionKind, value: Double, low: Double, high: Double) throws {
        let d = try Distribution(value: value, low: low, high: high, kind: kind)
        var rng = PathRandom(seed: 42, path: 0)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let x = d.draw(&rng)
            sum += x; sumSq += x * x
        }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        let sd = d.variance.squareRoot()
        #expect(abs(mean - d.mean) < 0.02 * sd, "mean \(mean) vs \(d.mean)")
        #expect(abs(variance / d.variance - 1) < 0.03, "variance \(variance) vs \(d.variance)")
    }

    @Test func triangularModeIsTheValue() throws {
        let d = try Distribution(value: 0.75, low: 0.70, high: 0.90)
        #expect(d.kind == .triangular)
        // The density peaks at the mode: the CDF's slope is largest there.
        let slope = { (x: Double) in 1 / (d.quantile(x + 1e-4) - d.quantile(x - 1e-4)) }
        var best = 0.0, bestX = 0.0
        for i in 1..<999 {
            let q = Double(i) / 1000
            if slope(q) > best { best = slope(q); bestX = d.quantile(q) }
        }
        #expect(abs(bestX - 0.75) < 0.005)
    }

    @Test func normalAndLognormalShapes() throws {
        let n = try Distribution(value: 0.5, low: 0, high: 1, kind: .normal)
        #expect(abs(n.mean - 0.5) < 1e-12 && abs(n.quantile(0.5) - 0.5) < 1e-9)
        let l = try Distribution(value: 2, low: 1, high: 4, kind: .lognormal)
        #expect(abs(l.quantile(0.5) - 2) < 1e-8)  // median = √(low × high)
        #expect(abs(Distribution.normalQuantile(0.975) - 1.959963984540054) < 1e-8)
        #expect(abs(Distribution.normalQuantile(0.001) + 3.090232306167813) < 1e-7)
    }

    @Test func badSpecsAreRefused() {
        #expect(throws: DistributionError.lowAboveHigh(low: 0.9, high: 0.7)) {
            _ = try Distribution(value: 0.8, low: 0.9, high: 0.7)
        }
        #expect(throws: DistributionError.lognormalNeedsPositive(low: -1)) {
            _ = try Distribution(value: 1, low: -1, high: 3, kind: .lognormal)
        }
        #expect(throws: DistributionError.valueOutside(value: 0.5, low: 0.7, high: 0.9)) {
            _ = try Distribution(value: 0.5, low: 0.7, high: 0.9)
        }
        #expect(throws: DistributionError.notFinite) { _ = try Distribution(value: .nan, low: 0, high: 1) }
        #expect(DistributionError.lognormalNeedsPositive(low: 0).description
            == "a lognormal needs low > 0 (it has no zero or negative values); low is 0")
    }

    @Test func fixedDistributionAlwaysGivesItsValue() {
        var rng = PathRandom(seed: 1, path: 1)
        let d = Distribution.fixed(3)
        #expect(d.isFixed && d.draw(&rng) == 3 && d.draw(&rng) == 3)
    }

    @Test func pathStreamsAreReproducibleAndDistinct() {
        var a = PathRandom(seed: 9, path: 3), b = PathRandom(seed: 9, path: 3), c = PathRandom(seed: 9, path: 4)
        let xs = (0..<4).map { _ in a.next() }
        #expect(xs == (0..<4).map { _ in b.next() })
        #expect(xs != (0..<4).map { _ in c.next() })
        var u = PathRandom(seed: 0, path: 0)
        let draws = (0..<10_000).map { _ in u.unit() }
        #expect(draws.allSatisfy { $0 > 0 && $0 < 1 })
    }
}
