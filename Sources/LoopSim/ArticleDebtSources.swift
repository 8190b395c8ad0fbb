extension Scenario {
    /// Where each opening facility balance of `article-2025` comes from, by
    /// `facilityBalanceKey` (the same notes as `scenarios/article-2025.yaml`): the filed
    /// figures with their source and date, the Q3 split between the DDTLs and OEM financing
    /// as assumptions (Note 10's table for 30 Sep 2025 was not retrieved).
    static let article2025DebtSources: [String: SourceNote] = [
        // DDTL 1.0
        facilityBalanceKey(0): SourceNote(
            text: "30 Sep 2025 not retrieved: the H1-2025 pace continued ($2,012.5M at 31 Dec 2024, $1,782.5M at 30 Jun 2025, Note 10)",
            isAssumption: true),
        // DDTL 2.0
        facilityBalanceKey(1): SourceNote(
            text: "30 Sep 2025 not retrieved: about its 30 Jun 2025 balance, $4,954.0M (Note 10)",
            isAssumption: true),
        // DDTL 3.0
        facilityBalanceKey(2): SourceNote(
            text: "30 Sep 2025 not retrieved: $1.0B of the $2.6B committed (8-K, 31 Jul 2025) drawn",
            isAssumption: true),
        // OEM financing
        facilityBalanceKey(3): SourceNote(
            text: "the filed $14,205.3M total principal at 30 Sep 2025 (Q3-2025 10-Q) less the other six lines; $1,728.4M at 30 Jun 2025 (Note 10)",
            isAssumption: true),
        // Magnetar loan
        facilityBalanceKey(4): SourceNote(
            text: "CoreWeave 10-Q Q3 2025, accession 0001769628-25-000062 (related-party note: Magnetar Loan total principal $264,666K)",
            date: "2025-09-30", url: "https://www.sec.gov/Archives/edgar/data/1769628/000176962825000062/R97.htm"),
        // Senior notes 2030
        facilityBalanceKey(5): SourceNote(
            text: "CoreWeave Note 10 at 30 Jun 2025 (S-4, accession 0001140361-25-032095, repeating the Q2-2025 10-Q): 2030 Senior Notes $2,000,000K, 9.250%, bullet",
            date: "2025-06-30", url: "https://www.sec.gov/Archives/edgar/data/1769628/000114036125032095/R41.htm"),
        // Senior notes 2031
        facilityBalanceKey(6): SourceNote(
            text: "CoreWeave 8-K, 25 Jul 2025: $1,750M 9.000% Senior Notes due 1 Feb 2031, bullet",
            date: "2025-07-25", url: "https://viralles.com/sec-filings/CRWV/8-k-core-weave-inc-reports-material-event-cf6f4d9220a4.html"),
    ]
}
