package sluice.router.routing;

/**
 * One target of a request's route: a provider and the upstream model to ask it for.
 *
 * @param target the provider and its key pool
 * @param model  the upstream model, or null to send the requested one when the provider offers it
 */
public record Hop(ProviderTarget target, String model) {

    /** @return the model to put in the upstream request */
    public String upstreamModel(String requested) {
        return model != null ? model : target.upstreamModel(requested);
    }
}
