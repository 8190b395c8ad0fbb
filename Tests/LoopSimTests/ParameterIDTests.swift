import LoopSim
import Testing

/// Parameter ids are typed constants checked against the registry: an unknown id is an
/// error at the boundary and stops the program inside, never a silent 0.
@Suite struct ParameterIDTests {
    @Test func everyConstantIsARegistryIdAndBack() {
        let registry = ParameterRegistry.all.map(\.id)
        #expect(ParameterID.registered.count == registry.count)
        #expect(Set(ParameterID.registered) == Set(registry))
        #expect(ParameterID.cwUtilization.rawValue == "cw.utilization")
        #expect(ParameterID.creditAccessCoreweave.rawValue == "credit.access.coreweave")
        #expect(ParameterID.cwGpusEnd2024.rawValue == "cw.gpusEnd2024")
    }

    @Test func everyExistingIdReadsAsItsConstant() throws {
        for id in ParameterRegistry.all.map(\.id) {
            #expect(try ParameterID(validating: id.rawValue) == id)
        }
    }

    @Test func unknownTextIsRefusedWithTheClosestId() {
        #expect(throws: ParameterError.unknown(ParameterID(rawValue: "cw.utilisation"), suggestion: .cwUtilization)) {
            _ = try ParameterID(validating: "cw.utilisation")
        }
        #expect(throws: ParameterError.unknown(ParameterID(rawValue: "nothing.like.it"), suggestion: nil)) {
            _ = try ParameterID(validating: "nothing.like.it")
        }
        var values = ParameterValues.defaults
        #expect(throws: ParameterError.self) { try values.set(ParameterID(rawValue: "cw.nope"), 1) }
    }

    @Test func readingAnUnknownIdStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = ParameterValues.defaults[ParameterID(rawValue: "cw.nope")]
        }
    }

    @Test func aMisspeltLiteralStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let id: ParameterID = "cw.utilisation"
            _ = id
        }
    }

    @Test func clampingAnUnknownIdStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var values = ParameterValues.defaults
            values.setClamped(ParameterID(rawValue: "cw.nope"), 1)
        }
    }
}
