package io.github.healthgrpc.check;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a health check with the given name.
 *
 * <p>The method takes no arguments and returns {@code boolean}, Spring Boot's
 * {@code Health} or {@code Status}, or a {@code CompletionStage} of one of them. A method
 * that throws, returns {@code null} or does not answer within the check's timeout makes
 * the check DOWN. The check runs on health-grpc's own scheduler every
 * {@code grpc.health.checks.<name>.interval}, never on a gRPC thread.
 *
 * <pre class="code">
 * &#64;HealthCheck("pricing")
 * boolean pricingReachable() {
 *     return pricingClient.ping();
 * }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HealthCheck {

	/**
	 * The check's name, as {@code grpc.health} mappings refer to it.
	 * @return the name; not empty and unique among all checks
	 */
	String value();

}
