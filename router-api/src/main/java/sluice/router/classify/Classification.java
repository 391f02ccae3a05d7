package sluice.router.classify;

import java.util.Objects;

/**
 * The classifier's verdict for one request.
 *
 * @param taskClass      the class whose route serves the request
 * @param reason         a short human explanation, e.g. {@code feature: tools present} or
 *                       {@code text: code signals (كود, python)}
 * @param explicitTarget the {@code provider/model} the client named itself, or {@code null};
 *                       when present it wins over the class route
 */
public record Classification(TaskClass taskClass, String reason, RouteTarget explicitTarget) {

    public Classification {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(reason, "reason");
    }

    /** A classification without an explicit target. */
    public static Classification of(TaskClass taskClass, String reason) {
        return new Classification(taskClass, reason, null);
    }

    public boolean hasExplicitTarget() {
        return explicitTarget != null;
    }

    /** The reason encoded for the {@code x-sluice-route-reason} header (ASCII, no CR/LF). */
    public String reasonHeaderValue() {
        return HeaderSafeText.of(reason);
    }
}
