package sluice.router.routing;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.router.classify.Classification;
import sluice.router.classify.ClassifierInput;
import sluice.router.classify.RouteDecision;
import sluice.router.classify.RouteTable;
import sluice.router.classify.RouteTarget;
import sluice.router.classify.TaskClassifier;
import sluice.router.config.SluiceConfig;
import sluice.router.openai.ChatRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where a request goes: classifies its task (request features first, then Arabic and
 * English text signals) and resolves the ordered targets from the route table, or from
 * {@code sluice.route} when no table is configured.
 */
@ApplicationScoped
public class RouteResolver {
    private static final Logger LOG = Logger.getLogger(RouteResolver.class);

    private final TaskClassifier classifier;
    private final RouteTable table;
    private final ProviderCatalog catalog;

    public RouteResolver(SluiceConfig config, ProviderCatalog catalog) {
        this.classifier = new TaskClassifier(config.classifier().longContextTokens());
        this.catalog = catalog;
        this.table = config.routes().isEmpty() ? null : table(config);
    }

    /** A request's class and the hops to try, in order; unknown providers are left out. */
    public Route resolve(ChatRequest request, long promptTokens) {
        Classification classification = classifier.classify(
                ClassifierInput.fromOpenAi(request.body(), (int) Math.min(promptTokens, Integer.MAX_VALUE)));
        if (table == null) {
            List<Hop> hops = new ArrayList<>();
            catalog.route().forEach(target -> hops.add(new Hop(target, null)));
            return new Route(classification, hops, "route " + String.join(",", hopIds(hops)));
        }
        RouteDecision decision = table.resolve(classification, request.model());
        List<Hop> hops = new ArrayList<>(decision.targets().size());
        for (RouteTarget t : decision.targets()) {
            ProviderTarget target = catalog.provider(t.provider());
            if (target != null) {
                hops.add(new Hop(target, t.model()));
            } else {
                LOG.debugf("route names unknown provider %s; skipped", t.provider());
            }
        }
        return new Route(classification, hops, decision.reasonHeaderValue());
    }

    private static List<String> hopIds(List<Hop> hops) {
        return hops.stream().map(h -> h.target().id()).toList();
    }

    private static RouteTable table(SluiceConfig config) {
        Map<String, String> flat = new HashMap<>();
        config.routes().forEach((k, v) -> flat.put("sluice.routes." + k, v));
        config.modelAliases().forEach((k, v) -> flat.put("sluice.model-aliases.\"" + k + "\"", v));
        RouteTable table = RouteTable.parse(flat);
        for (String provider : table.providers()) {
            if (!config.providers().containsKey(provider)) {
                throw new IllegalStateException("the route table names provider '" + provider
                        + "' but no sluice.providers." + provider + ".base-url is configured");
            }
        }
        return table;
    }

    /**
     * @param classification the task class and why
     * @param hops           providers and models to try, in order
     * @param reason         why this route, for {@code x-sluice-route-reason} (header-safe)
     */
    public record Route(Classification classification, List<Hop> hops, String reason) {
    }
}
