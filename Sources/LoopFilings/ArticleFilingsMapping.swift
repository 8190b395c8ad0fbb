import LoopConfig
import LoopSim

/// Filings in a parameter-style scenario (the article's, `scenarios/article-2025.yaml`):
/// CoreWeave's opening cash and its 2023 and 2024 revenue, NVIDIA's revenue per month.
/// CoreWeave's debt, backlog and interest are read and listed beside the facilities and
/// contracts that carry them in this model, never written over them.
struct ArticleFilingsMapping: FilingsMapping {
    let doc: YAMLDocument
    let scenario: Scenario

    /// The companies of the article's model; Vast is private.
    var entities: [String] { ["coreweave", "nvidia", "vast"] }

    var placeAfter: [KeyPathComponent] { doc.node(at: [.key("horizon")]) != nil ? [.key("horizon")] : [.key("start")] }

    /// The parameters filings set, by entity, and how each is read.
    static let parameters: [String: [(ParameterID, FigureRule)]] = [
        "coreweave": [(.cwRevenue2023, .year(.revenue, 2023)), (.cwRevenue2024, .year(.revenue, 2024))],
        "nvidia": [(.nvidiaMonthlyRevenue, .monthly(.revenue))],
    ]

    func targets(of entity: String) -> [FilingTarget] {
        var out: [FilingTarget] = []
        if entity == "coreweave" {
            out.append(FilingTarget(entity: entity, what: Scenario.coreweaveCashKey,
                                    path: [.key("opening"), .key("coreweave"), .key("cash")], rule: .balance(.cash)))
            out.append(FilingTarget(entity: entity, what: "coreweave.debt", path: nil, rule: .totalDebt))
            out.append(FilingTarget(entity: entity, what: "coreweave.backlog", path: nil, rule: .balance(.backlog)))
            out.append(FilingTarget(entity: entity, what: "coreweave.interest", path: nil, rule: .monthly(.interestExpense)))
        }
        for (id, rule) in Self.parameters[entity] ?? [] {
            out.append(FilingTarget(entity: entity, what: id.rawValue, path: [.key("parameters"), .key(id.rawValue)], rule: rule))
        }
        return out
    }

    func keptReason(_ target: FilingTarget, _ figure: FiledFigure) -> String? {
        switch target.what {
        case "coreweave.debt":
            let total = scenario.facilities.reduce(0) { $0 + $1.balance }
            return "modelled by its \(scenario.facilities.count) facilities (\(Money.millions(total)) at the start); "
                + "\(Self.filed(figure)) is not written, so no debt counts twice"
        case "coreweave.backlog":
            return "carried by the contracts, customer by customer; \(Self.filed(figure)) is not written"
        case "coreweave.interest":
            return "follows from the facilities' balances and rates; the filed \(Money.millions(figure.value)) a month "
                + "(the quarter to \(figure.date)) is not written"
        default:
            return nil
        }
    }

    func notGiven(of entity: String) -> String? {
        switch entity {
        case "coreweave": "cw.gpus, the contracts, the facilities' terms and the other cw.* parameters"
        case "nvidia": "the other nvidia.* parameters (stake, capex share, backstop)"
        default: nil
        }
    }

    func check(_ text: String, file: String) throws(FilingsError) {
        do { _ = try ScenarioFile.load(text: text, file: file) } catch { throw FilingsError(error.description) }
    }
}
