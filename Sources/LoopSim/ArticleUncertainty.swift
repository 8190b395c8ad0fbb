extension Uncertainty {
    /// The uncertainty of the default scenario `article-2025` (also in
    /// `scenarios/article-2025.yaml`). Every interval is a modelling assumption built
    /// around a sourced point value; triangular with the scenario's value as the mode.
    ///
    /// - utilization 70–90%: the article's ~75% average and ~90% target;
    /// - usage price $2.10–2.60/GPU-h around $2.40 (reserved ≈ 2.35, spot ≈ 2.46);
    /// - price pressure 5–35% a year (a price war is ~35%);
    /// - capex per GPU $37.5k–52k (H100 to GB200);
    /// - demand delay 0–9 months, build delay 0–6 months, rate shock 0–200 bp;
    /// - Vast's base ARR growth 20–80% a year and fixed costs $20–32M a month;
    /// - shocks: a 10% chance that OpenAI and a 5% chance that Microsoft cut their
    ///   payments by 15–45% from a month between 6 and 36; a 5% chance per quarter that
    ///   the credit window is closed.
    public static let article2025: Uncertainty = {
        func d(_ value: Double, _ low: Double, _ high: Double) -> Distribution {
            (try? Distribution(value: value, low: low, high: high)) ?? .fixed(value)
        }
        func p(_ id: ParameterID, _ low: Double, _ high: Double) -> UncertainParameter {
            UncertainParameter(id: id, distribution: d(ParameterValues.defaults[id], low, high))
        }
        let cut = d(0.3, 0.15, 0.45), when = d(21, 6, 36)
        return Uncertainty(
            parameters: [
                p(.cwUtilization, 0.70, 0.90),
                p(.priceGpuHour, 2.10, 2.60),
                p(.priceDeclinePerYear, 0.05, 0.35),
                p(.cwCapexPerGPU, 37_500, 52_000),
                p(.demandDelayMonths, 0, 9),
                p(.buildDelayMonths, 0, 6),
                p(.ratesShockBps, 0, 200),
                p(.vastArrGrowth, 0.2, 0.8),
                p(.vastFixedMonthly, 20e6, 32e6),
            ],
            shocks: [
                Shock(name: "OpenAI haircut", chance: 0.10, kind: .haircut(customer: .openai, share: cut, month: when)),
                Shock(name: "Microsoft haircut", chance: 0.05,
                      kind: .haircut(customer: .microsoft, share: cut, month: when)),
                Shock(name: "Credit window closed", chance: 0.05, kind: .creditClosed),
            ])
    }()
}
