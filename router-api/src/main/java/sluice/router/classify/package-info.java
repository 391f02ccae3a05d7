/**
 * Task classification and route tables for the smart router, in plain Java.
 *
 * <p>{@link sluice.router.classify.TaskClassifier} turns a request's features and its Arabic or
 * English text into a {@link sluice.router.classify.TaskClass} with a reason;
 * {@link sluice.router.classify.RouteTable} turns that classification (and the model the client
 * asked for) into an ordered list of provider/model targets. Nothing here depends on Quarkus:
 * the gateway feeds it a parsed request body and flat configuration properties.
 */
package sluice.router.classify;
