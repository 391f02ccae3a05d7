package sluice.quota;

/** The key-state contract on the in-memory store. */
class LocalKeyStateTest extends AbstractKeyStateContractTest {
    @Override
    protected QuotaStore newStore(ManualTimeSource clock) {
        return new LocalQuotaStore(clock, WindowSpec.MINUTE, () -> 1);
    }
}
