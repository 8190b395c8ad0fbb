import LoopSim
let p = Engine.project(.article2025)
for m in p.months where m.month % 6 == 0 {
    print(m.date, Format.dollars(m.coreweave.cash), Format.dollars(m.coreweave.revenue), "usage", Format.dollars(m.coreweave.usageRevenue), "committed", Format.dollars(m.coreweave.committedRevenue), "int", Format.dollars(m.coreweave.interest), "princ", Format.dollars(m.coreweave.principal), "vast", Format.dollars(m.vast.cash), Format.dollars(m.vast.revenue))
}
print(p.runway(of: .coreweave) as Any, p.runway(of: .vast) as Any, p.firstToRunOut as Any)
