import LoopSim
