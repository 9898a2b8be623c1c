package io.github.healthgrpc.check;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as a health check with the given name.
 *
 * <p>
 * The method takes no arguments and returns {@code boolean}, Spring Boot's {@code Health}
 * or {@code Status}, or a {@code CompletionStage} of one of them. A method that throws,
 * returns {@code null} or does not answer within the check's timeout makes the check
 * DOWN. The check runs on health-grpc's own scheduler every
 * {@code grpc.health.checks.<name>.interval}, never on a gRPC thread.
 *
 * <pre class="code">
 * &#64;HealthCheck("pricing")
 * boolean pricingReachable() {
 *     return pricingClient.ping();
 * }
 * </pre>
 *
 * <p>
 * health-grpc finds and invokes these methods by reflection. {@link Reflective
 * &#64;Reflective} tells Spring's ahead-of-time processing so, as it does for
 * {@code @EventListener} and {@code @Scheduled}: an application processed ahead of time
 * (a GraalVM native image included) gets the reflection hints to invoke every
 * {@code @HealthCheck} method of its beans' classes, as the bean definitions declare
 * them.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface HealthCheck {

	/**
	 * The check's name, as {@code grpc.health} mappings refer to it.
	 * @return the name; not empty and unique among all checks
	 */
	String value();

}
