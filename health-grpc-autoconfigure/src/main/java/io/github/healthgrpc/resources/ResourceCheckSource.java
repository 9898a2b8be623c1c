package io.github.healthgrpc.resources;

import java.util.List;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckFunction;
import io.github.healthgrpc.engine.CheckSource;

/**
 * Gives the engine one resource check, polled on its interval with its timeout like any
 * {@code @HealthCheck} method.
 *
 * @since 0.1.0
 */
public final class ResourceCheckSource implements CheckSource {

	/**
	 * The heap check's name.
	 */
	public static final String HEAP = "heap";

	/**
	 * The cpu check's name.
	 */
	public static final String CPU = "cpu";

	// One definition for the life of the application: the engine reads its sources more
	// than once and must see the same check each time.
	private final List<CheckDefinition> checks;

	/**
	 * Create a source of one polled check.
	 * @param name the check's name, such as {@link #HEAP}
	 * @param check the check
	 */
	public ResourceCheckSource(String name, CheckFunction check) {
		this.checks = List.of(new CheckDefinition.Polled(name, check));
	}

	@Override
	public List<CheckDefinition> checks() {
		return this.checks;
	}

}
