#!/bin/bash
# Lists parameter-id string literals ("cw.utilization", … every id of ParameterRegistry) in
# Sources, outside the file that declares them. Ids from the registry (before: Parameter("id", …))
# or from ParameterIDs.swift (after: ParameterID(registered: "id")).
cd "${1:-.}"
ids=$(cat Sources/LoopSim/ParameterRegistry*.swift Sources/LoopSim/ParameterIDs.swift 2>/dev/null \
  | grep -oE '(Parameter\(|registered: )"[^"]+"' | sed -E 's/^(Parameter\(|registered: )"//; s/"$//' | sort -u \
  | sed 's/\./\\./g' | tr '\n' '|' | sed 's/|$//')
grep -rnoE "\"($ids)\"" Sources --include=*.swift | grep -v "^Sources/LoopSim/ParameterRegistry\|^Sources/LoopSim/ParameterIDs.swift"
