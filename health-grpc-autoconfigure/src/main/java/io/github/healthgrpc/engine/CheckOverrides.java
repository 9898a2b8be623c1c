package io.github.healthgrpc.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * Results that stand in for some checks' own while a test simulates an outage. An
 * overridden check goes on evaluating on its schedule; its latest own result is kept, so
 * that the truth can be recorded again the moment the override ends. Not thread-safe: the
 * runner guards it with the lock under which results reach the store.
 */
final class CheckOverrides {

	private final Map<String, Overridden> overridden = new HashMap<>();

	/**
	 * Stand the given result in for a check's own.
	 * @param checkName the check's name
	 * @param override the result to record instead of the check's own
	 * @param ownResult the check's latest own result, kept unless the check is already
	 * overridden; {@code null} if it has none
	 */
	void put(String checkName, Health override, @Nullable Health ownResult) {
		Overridden previous = this.overridden.get(checkName);
		this.overridden.put(checkName, new Overridden(override, (previous != null) ? previous.own() : ownResult));
	}

	/**
	 * The result to record for a check that produced the given one: its override, if any
	 * (keeping the own result for later), or the result itself.
	 * @param checkName the check's name
	 * @param own what the check produced
	 * @return what the store should hear
	 */
	Health resultToRecord(String checkName, Health own) {
		Overridden overridden = this.overridden.get(checkName);
		if (overridden == null) {
			return own;
		}
		this.overridden.put(checkName, new Overridden(overridden.override(), own));
		return overridden.override();
	}

	/**
	 * End a check's override.
	 * @param checkName the check's name
	 * @return the override that ended, with the check's latest own result, or
	 * {@code null} if the check was not overridden
	 */
	@Nullable Overridden remove(String checkName) {
		return this.overridden.remove(checkName);
	}

	Set<String> names() {
		return new TreeSet<>(this.overridden.keySet());
	}

	/**
	 * An override and the check's latest own result.
	 *
	 * @param override the result that stands in
	 * @param own the check's latest own result, {@code null} if it has produced none
	 */
	record Overridden(Health override, @Nullable Health own) {

	}

}
