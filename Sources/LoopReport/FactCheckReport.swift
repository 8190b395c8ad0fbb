import LoopSim

/// `moneyloop factcheck`: the article's claims beside the model's numbers.
public enum FactCheckReport {
    public static func render(_ setup: SimulationSetup, format: OutputFormat) -> String {
        let claims = FactCheck.run(setup.scenario)
        switch format {
        case .json: return json(claims).text(pretty: true) + "\n"
        case .csv:
            var out = "id,verdict,article,computed,display\n"
            for c in claims {
                out += [c.id, c.verdict.rawValue, c.article, JSONValue.numberText(c.computed), c.display]
                    .map(ParamsReport.csvField).joined(separator: ",") + "\n"
            }
            return out
        case .table: return table(claims)
        }
    }

    /// `{"claims": [{"id", "claim", "article", "computed", "display", "verdict", "explanation"}]}`.
    public static func json(_ claims: [Claim]) -> JSONValue {
        .object([("claims", .array(claims.map { c in
            .object([("id", .string(c.id)), ("claim", .string(c.claim)), ("article", .string(c.article)),
                     ("computed", .number(c.computed)), ("display", .string(c.display)),
                     ("verdict", .string(c.verdict.rawValue)), ("explanation", .string(c.explanation))])
        }))])
    }

    public static func table(_ claims: [Claim]) -> String {
        var out = ""
        for c in claims {
            out += TextTable.cell(c.id, 20) + " " + TextTable.cell(c.verdict.rawValue.uppercased(), 9) + " " + c.claim + "\n"
            out += TextTable.wrap("article: \(c.article)", width: 100, indent: String(repeating: " ", count: 6))
                .joined(separator: "\n") + "\n"
            out += TextTable.wrap("model:   \(c.display)", width: 100, indent: String(repeating: " ", count: 6))
                .joined(separator: "\n") + "\n"
            out += TextTable.wrap(c.explanation, width: 100, indent: String(repeating: " ", count: 15))
                .joined(separator: "\n") + "\n\n"
        }
        let agree = claims.filter { $0.verdict == .agrees }.count
        out += "\(claims.count) claims: \(agree) agree, \(claims.filter { $0.verdict == .disagrees }.count) disagree, "
            + "\(claims.filter { $0.verdict == .dated }.count) dated\n"
        return out
    }
}
