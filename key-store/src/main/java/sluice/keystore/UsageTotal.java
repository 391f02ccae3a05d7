package sluice.keystore;

/** Usage of one group over a whole time range; {@code group} is {@code null} for rows without a value (e.g. no key was used). */
public record UsageTotal(String group, UsageSums sums) {
}
