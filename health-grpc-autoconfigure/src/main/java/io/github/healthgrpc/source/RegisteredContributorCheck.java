package io.github.healthgrpc.source;

import io.github.healthgrpc.engine.CheckFunction;
import org.jspecify.annotations.Nullable;

/**
 * A check that calls a health contributor, or a member of a composite one, equal to
 * another of its kind for the same registered contributor: the object the registry holds
 * under the top-level name. A composite may make its members anew each time it is
 * iterated ({@code clients.stream().map((client) -> new Entry(client.name(), () ->
 * ping(client)))}), so reading the registry again yields new member objects; only a
 * contributor registered again under its name is another check.
 */
abstract class RegisteredContributorCheck implements CheckFunction {

	private final Object registered;

	RegisteredContributorCheck(Object registered) {
		this.registered = registered;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass()
				&& ((RegisteredContributorCheck) other).registered == this.registered;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this.registered);
	}

}
