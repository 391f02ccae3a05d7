package sluice.keystore;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What usage can be grouped by. The allow-list between a client's {@code groupBy} parameter and
 * SQL: the column comes from the constant, never from the client's text.
 */
public enum UsageDimension {
    KEY("key", "key_id"),
    PROVIDER("provider", "provider_id"),
    TENANT("tenant", "tenant_id"),
    MODEL("model", "model"),
    TASK_CLASS("taskClass", "task_class");

    private final String apiName;
    private final String column;

    UsageDimension(String apiName, String column) {
        this.apiName = apiName;
        this.column = column;
    }

    /** @return the name clients use: {@code key}, {@code provider}, {@code tenant}, {@code model}, {@code taskClass} */
    public String apiName() {
        return apiName;
    }

    /** @return the ledger column, a constant */
    String column() {
        return column;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code groupBy}) for any other name; the message
     *         lists the accepted names and does not repeat the input
     */
    public static UsageDimension parse(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidKeyStoreInputException("groupBy", "must be one of "
                        + Arrays.stream(values()).map(UsageDimension::apiName).collect(Collectors.joining(", "))));
    }
}
