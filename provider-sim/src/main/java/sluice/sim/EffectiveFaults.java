package sluice.sim;

/** Faults with every field resolved (key over global over start-up defaults). */
record EffectiveFaults(long latencyMs, long chunkDelayMs, int completionTokens,
                       double serverErrorRate, double hangRate, double cutStreamRate) {

    /** Resolves {@code faults} over {@link Faults#defaults()}. */
    static EffectiveFaults resolve(Faults faults) {
        Faults full = faults.over(Faults.defaults());
        return new EffectiveFaults(full.latencyMs(), full.chunkDelayMs(),
                full.completionTokens(), full.serverErrorRate(), full.hangRate(),
                full.cutStreamRate());
    }
}
