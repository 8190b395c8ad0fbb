/// A figure the model reads from filings, and the us-gaap tags that carry it, in the
/// order they are tried: the first tag that reports a period gives that period's value,
/// so a tag renamed between filings (`SalesRevenueNet` → `Revenues`) still reads as one
/// series. docs/filings.md lists this table.
public enum FiledConcept: String, CaseIterable, Sendable {
    case revenue, cash, debtCurrent, debtNoncurrent, interestExpense, backlog, propertyAndEquipment

    public var label: String {
        switch self {
        case .revenue: "Revenue"
        case .cash: "Cash and equivalents"
        case .debtCurrent: "Debt, current"
        case .debtNoncurrent: "Debt, noncurrent"
        case .interestExpense: "Interest expense"
        case .backlog: "Backlog (RPO)"
        case .propertyAndEquipment: "Property and equipment"
        }
    }

    /// True for balance-sheet values (at a date); false for flows over a period.
    public var isInstant: Bool {
        switch self {
        case .revenue, .interestExpense: false
        default: true
        }
    }

    /// The tags tried, first to last.
    public var tags: [String] {
        switch self {
        case .revenue:
            ["RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues", "SalesRevenueNet",
             "RevenueFromContractWithCustomerIncludingAssessedTax"]
        case .cash:
            ["CashAndCashEquivalentsAtCarryingValue", "Cash"]
        case .debtCurrent:
            ["LongTermDebtCurrent", "DebtCurrent", "LongTermDebtAndCapitalLeaseObligationsCurrent"]
        case .debtNoncurrent:
            ["LongTermDebtNoncurrent", "LongTermDebtAndCapitalLeaseObligations"]
        case .interestExpense:
            ["InterestExpense", "InterestExpenseNonoperating", "InterestExpenseDebt"]
        case .backlog:
            ["RevenueRemainingPerformanceObligation"]
        case .propertyAndEquipment:
            ["PropertyPlantAndEquipmentNet",
             "PropertyPlantAndEquipmentAndFinanceLeaseRightOfUseAssetAfterAccumulatedDepreciationAndAmortization"]
        }
    }
}
