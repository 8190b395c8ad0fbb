import LoopSim
@testable import LoopDashboard

/// Graph specs for layout tests: a synthetic web shaped like the late-2025 AI financing
/// web, and random specs. Their amounts are test data, not figures from any source.
enum GraphFixtures {
    /// Ten entities and fifteen deals, every status and a non-cash deal among them.
    static func web(count: Int = 10) -> GraphSpec {
        func node(_ id: String, _ name: String, _ kind: EntityKind, _ cash: Double) -> GraphSpec.Node {
            GraphSpec.Node(id: id, name: name, kind: kind, lines: ["cash \(Format.dollars(cash))", "debt $0"],
                           health: .good, details: ["\(name) · synthetic"])
        }
        let nodes = [
            node("nvidia", "NVIDIA", .vendor, 60e9), node("amd", "AMD", .vendor, 5e9),
            node("microsoft", "Microsoft", .hyperscaler, 90e9), node("openai", "OpenAI", .aiLab, 10e9),
            node("meta", "Meta", .aiLab, 40e9), node("coreweave", "CoreWeave", .cloudOperator, 2e9),
            node("oracle", "Oracle", .cloudOperator, 10e9), node("vast", "Vast Data", .storage, 1e9),
            node("lenders", "Lenders", .lender, 0), node("softbank", "SoftBank", .investor, 20e9),
            node("xai", "xAI", .aiLab, 5e9), node("banks", "Banks", .lender, 0),
        ].prefix(count)
        func edge(_ from: String, _ to: String, _ label: String, _ amount: Double, _ status: DealStatus,
                  cash: Bool = true) -> GraphSpec.Edge
        {
            GraphSpec.Edge(from: from, to: to, label: label, amount: amount,
                           amountLabel: cash ? nil : Format.dollars(amount), status: status, isCash: cash,
                           source: "synthetic fixture", date: "Oct 25")
        }
        let ids = Set(nodes.map(\.id))
        let edges = [
            edge("openai", "coreweave", "contracts", 370e6, .binding),
            edge("meta", "coreweave", "contracts", 190e6, .binding),
            edge("coreweave", "nvidia", "GPUs", 900e6, .binding),
            edge("nvidia", "coreweave", "backstop", 0, .binding),
            edge("coreweave", "vast", "storage", 24e6, .announced),
            edge("nvidia", "openai", "equity", 0, .letterOfIntent),
            edge("openai", "oracle", "compute", 5e9, .reported),
            edge("oracle", "nvidia", "GPUs", 2e9, .reported),
            edge("amd", "openai", "warrant", 0, .announced, cash: false),
            edge("openai", "amd", "GPUs", 0, .announced),
            edge("microsoft", "openai", "equity", 0, .binding),
            edge("openai", "microsoft", "Azure", 1e9, .binding),
            edge("lenders", "coreweave", "draws", 400e6, .binding),
            edge("coreweave", "lenders", "debt service", 560e6, .binding),
            edge("softbank", "openai", "equity", 2e9, .announced),
            edge("xai", "oracle", "compute", 100e6, .reported),
            edge("banks", "oracle", "loans", 1e9, .binding),
        ].filter { ids.contains($0.from) && ids.contains($0.to) }
        return GraphSpec(nodes: Array(nodes), edges: edges)
    }

    /// A seeded generator, so every run tests the same specs.
    struct Random {
        var source: PathRandom
        init(state: UInt64) { source = PathRandom(seed: state, path: 0) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &source) }
    }

    /// A spec of 2 to 12 entities of random kinds, and up to two deals per entity
    /// between random pairs, with random statuses and amounts.
    static func random(_ rng: inout Random) -> GraphSpec {
        let n = rng.int(2...12)
        let kinds = EntityKind.allCases, statuses = DealStatus.allCases
        let names = ["NVIDIA", "OpenAI", "Oracle", "AMD", "Microsoft", "CoreWeave", "Vast Data", "Lenders",
                     "SoftBank", "Meta", "xAI", "Banks"]
        let nodes = (0..<n).map { i in
            GraphSpec.Node(id: "n\(i)", name: names[i], kind: kinds[rng.int(0...kinds.count - 1)],
                           lines: Array(["cash $\(rng.int(0...99)).0B", "rev $1.0B", "debt $2.0B"].prefix(rng.int(1...3))),
                           health: rng.int(0...1) == 0 ? nil : .warn)
        }
        let edges = (0..<rng.int(1...2 * n)).compactMap { _ -> GraphSpec.Edge? in
            let a = rng.int(0...n - 1), b = rng.int(0...n - 1)
            guard a != b else { return nil }
            return GraphSpec.Edge(from: "n\(a)", to: "n\(b)", label: ["GPUs", "equity", "contracts"][rng.int(0...2)],
                                  amount: Double(rng.int(0...2_000)) * 1e6, status: statuses[rng.int(0...3)],
                                  isCash: rng.int(0...4) > 0, source: "random", date: "Jan 26")
        }
        return GraphSpec(nodes: nodes, edges: edges)
    }
}
