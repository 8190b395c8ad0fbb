/// The commented loop file `moneyloop scenario new NAME` writes: every entity key and one
/// deal of every kind, each with the comment a first-time author needs. It loads as is.
public enum LoopSkeleton {
    public static func text(name: String) -> String {
        """
        # \(name): a money loop declared as data (docs/simulation.md has the full schema).
        # Every opening figure is {value, source, date} or {value, assumption: "why"};
        # every deal has a status (binding | announced | letter-of-intent | reported) and
        # a source with its date. Amounts take units: 300B, 2.5M, $2.40, 12%.
        name: "\(name)"
        title: "A new money loop"
        start: 2025-11          # month 0
        horizon: 60             # months, 1 … 120

        entities:               # id → entity (ids: a-z, 0-9, '-')
          vendor:
            name: "GPU vendor"
            kind: vendor        # vendor | cloud-operator | ai-lab | hyperscaler | lender | investor | storage | other
            cash: {value: 50e9, assumption: "replace with the filed figure"}
          operator:
            name: "Cloud operator"
            kind: cloud-operator
            cash: {value: 2e9, source: "10-Q (replace)", date: 2025-09-30}
            debt: {value: 0, assumption: "debt outside the loans below"}
            fleet: {value: 100000, assumption: "GPUs in service"}
            opexPerGPUHour: {value: 0.36, assumption: "power + rent per GPU-hour, paid busy or idle"}
            overheadMonthly: {value: 50e6, assumption: "other operating costs"}
            supplier: suppliers # who the operating costs are paid to
            financing:          # optional; without it the entity's cash may go below zero
              cashFloor: {value: 200e6, assumption: "two months of costs"} # its revolvers drawn, money raised below it
              marketAccess: {value: 1, assumption: "raised debt in 2025"}  # 0 … 1, times credit.window
              equityShare: {value: 0.2, assumption: "most raises are debt"} # share of a raise sold as equity
              equityValue: {value: 20e9, assumption: "market value"}       # for dilution (0: not shown)
              minInterestCoverage: {value: 1.4, source: "credit agreement (replace)", date: 2025-07-31}
              maxLoanToValue: {value: 1, assumption: "debt ≤ book value of the GPUs"}
              collateral: {value: 3e9, assumption: "book value of the GPUs at the start"}
              usefulLifeYears: {value: 6, assumption: "as CoreWeave depreciates GPUs (S-1)"}
              lender: lenders   # lends rollovers and new debt (default: the first lender)
              # also: baseRate, spreadPerTurn, leverageFree, maxSpread, termMonths, raiseFee,
              # rollover (true), investor (buys new equity; default: the first investor, else the lender)
          lab:
            name: "AI lab"
            kind: ai-lab
            cash: {value: 10e9, assumption: "replace"}
          storage:
            name: "Storage vendor"
            kind: storage
            cash: {value: 1e9, assumption: "replace"}
          lenders:
            name: "Lenders"
            kind: lender
            external: true      # the outside world: flows count, its cash is no headline
          market:
            name: "Other customers"
            kind: other
            external: true
          suppliers:
            name: "Power, rent, staff"
            kind: other
            external: true

        deals:
          # take-or-pay: value over termMonths from start, after a linear ramp; gpus reserved
          - id: lab-operator
            kind: take-or-pay
            from: lab
            to: operator
            status: binding
            source: {text: "8-K (replace)", date: 2025-03-10}
            value: 10B
            start: 2025-06
            termMonths: 60
            ramp: 6
            gpus: 60000
          # usage-billed: gpus (or fleetShare of the payee's fleet) × 730 h × utilization × price
          - id: spot-usage
            kind: usage
            from: market
            to: operator
            status: binding
            source: {text: "replace", date: 2025-09-30}
            fleetShare: 0.1
            utilization: 0.75
            price: $2.40
            priceDeclinePerYear: 10%
          # capped per-unit: rate × the payer's busy GPU-hours until cap (flat: cap ÷ term)
          - id: operator-storage
            kind: per-unit
            from: operator
            to: storage
            status: announced
            source: {text: "press release (replace)", date: 2025-11-06}
            cap: 1.17B
            units: busy-gpu-hours
            referenceUtilization: 0.75
            start: 2025-11
            termMonths: 48
          # vendor sale: units ordered per month, delivered after the lead time, paid on delivery
          - id: operator-gpus
            kind: vendor-sale
            from: operator
            to: vendor
            status: binding
            source: {text: "replace", date: 2025-09-30}
            unitPrice: 35000
            perMonth: 2000
            start: 2025-11
            termMonths: 24
            leadTimeMonths: 6
            orders:
              - {units: 5000, date: 2026-01}
          # equity: one-off (amount, date) or tranches on milestones such as gigawatts deployed
          - id: vendor-lab
            kind: equity
            from: vendor
            to: lab
            status: letter-of-intent
            source: {text: "letter of intent (replace)", date: 2025-09-22}
            tranches:
              - {amount: 1B, date: 2026-01}
              - {amount: 1B, milestone: {entity: operator, gigawatts: 0.2}}
          # loans: ddtl (ltv × purchases, bounded by collateral), revolver (floor), bond (bullet)
          - id: operator-ddtl
            kind: loan
            facility: ddtl
            from: lenders
            to: operator
            status: binding
            source: {text: "8-K (replace)", date: 2025-07-31}
            limit: 2.6B
            ltv: 80%
            rate: 11%
            termMonths: 48
            collateral: [lab-operator]
          - id: operator-revolver
            kind: loan
            facility: revolver
            from: lenders
            to: operator
            status: binding
            source: {text: "replace", date: 2025-05-01}
            limit: 1.5B
            rate: 7%
            floor: 0
          - id: operator-notes
            kind: loan
            facility: bond
            from: lenders
            to: operator
            status: binding
            source: {text: "indenture (replace)", date: 2025-05-27}
            drawn: 2B
            rate: 9.25%
            maturity: 2030-05
          # backstop: pays the payee's idle GPU-hours at price, up to limit
          - id: vendor-backstop
            kind: backstop
            from: vendor
            to: operator
            status: binding
            source: {text: "8-K (replace)", date: 2025-09-15}
            limit: 6.3B
            price: $2.40
            termMonths: 84
          # warrant: shares vest on milestones and price targets; value is not cash
          - id: vendor-warrant
            kind: warrant
            from: vendor
            to: lab
            status: announced
            source: {text: "8-K (replace)", date: 2025-10-06}
            strike: 0.01
            sharePrice: 160
            priceGrowthPerYear: 20%
            tranches:
              - {shares: 10e6, milestone: {entity: operator, gigawatts: 0.2}}
              - {shares: 10e6, priceTarget: 250}
          # recurring: monthly amount from start, growing per year
          - id: storage-customers
            kind: recurring
            from: market
            to: storage
            status: binding
            source: {text: "replace", date: 2025-11-06}
            monthly: 16.7M
            growthPerYear: 50%

        """
    }
}
