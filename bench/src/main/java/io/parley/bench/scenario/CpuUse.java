package io.parley.bench.scenario;

import io.parley.bench.measure.MachineCpu;

/**
 * CPU used by the server's process, the bench's JVM and the whole machine (the two, the database and anything
 * else): as seconds so far, or, between two readings, in cores (1.0 = one core busy all along).
 */
record CpuUse(double server, double bench, double machine) {

    static CpuUse now(ScenarioContext context) {
        return new CpuUse(context.probe().cpuSeconds(), Figures.benchCpuSeconds(), MachineCpu.busySeconds());
    }

    /** What each used from the earlier reading to this one, in cores. */
    CpuUse coresSince(CpuUse earlier, double wallSeconds) {
        return new CpuUse((server - earlier.server) / wallSeconds, (bench - earlier.bench) / wallSeconds,
                (machine - earlier.machine) / wallSeconds);
    }
}
