/// The random numbers of one Monte Carlo path: xoshiro256** seeded from (seed, path
/// index) through SplitMix64. Every path has its own stream, so a run gives the same
/// numbers whatever the number of threads and whichever thread runs the path.
public struct PathRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// The stream of path `path` of a run seeded with `seed`.
    public init(seed: UInt64, path: Int) {
        // Mix the seed and the index so neighbouring paths (and seeds) start far apart.
        var sm = PathRandom.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(truncatingIfNeeded: path) &+ 1))
        func next() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            return PathRandom.mix(sm)
        }
        s0 = next(); s1 = next(); s2 = next(); s3 = next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // xoshiro's one forbidden state
    }

    /// SplitMix64's finaliser: a bijective scramble of 64 bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform number strictly inside (0, 1): never 0 or 1, so inverse CDFs stay finite.
    public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}
