package sluice.quota;

/** The monthly-budget contract on the in-memory store. */
class LocalMonthlyBudgetTest extends AbstractMonthlyBudgetContractTest {
    @Override
    protected QuotaStore newStore(ManualTimeSource clock) {
        return new LocalQuotaStore(clock, WindowSpec.MINUTE, () -> 1);
    }
}
