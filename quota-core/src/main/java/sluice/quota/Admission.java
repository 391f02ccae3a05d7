package sluice.quota;

/** The answer to an {@link AdmissionRequest}: a value, never an exception. */
public sealed interface Admission permits Admitted, Denied {
}
