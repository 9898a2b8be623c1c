package io.github.healthgrpc.engine;

import java.util.List;

/**
 * Supplies checks to the engine: annotated methods, Actuator health contributors, manual
 * handles, or anything an application adds as a bean of this type.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckSource {

	/**
	 * The checks this source knows, asked once when the engine starts.
	 * @return the checks
	 */
	List<CheckDefinition> checks();

}
