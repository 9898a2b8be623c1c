package io.github.healthgrpc.store;

import java.util.Collection;
import java.util.Set;

/**
 * Selects checks by name the way Spring Boot's health groups do: {@code include} (empty
 * or {@code *} meaning every check) minus {@code exclude}; a name also selects the
 * members of a composite, so {@code db} selects {@code db/primary}.
 *
 * @param include the names to include; empty for every check
 * @param exclude the names to exclude
 */
public record CheckSelector(Set<String> include, Set<String> exclude) {

	/**
	 * The selector that includes every check.
	 */
	public static final CheckSelector ALL = new CheckSelector(Set.of(), Set.of());

	private static final String WILDCARD = "*";

	/**
	 * Create a selector.
	 * @param include the names to include; empty for every check
	 * @param exclude the names to exclude
	 */
	public CheckSelector {
		include = Set.copyOf(include);
		exclude = Set.copyOf(exclude);
	}

	/**
	 * Whether this selector selects the given check.
	 * @param checkName the check's name
	 * @return {@code true} if included and not excluded
	 */
	public boolean selects(String checkName) {
		boolean included = this.include.isEmpty() || matchesAny(this.include, checkName);
		return included && !matchesAny(this.exclude, checkName);
	}

	/**
	 * Whether a configured name refers to the given check, directly or as its composite
	 * parent.
	 * @param configuredName the name as configured
	 * @param checkName the check's name
	 * @return {@code true} if it refers to the check
	 */
	public static boolean refersTo(String configuredName, String checkName) {
		return WILDCARD.equals(configuredName) || configuredName.equals(checkName)
				|| checkName.startsWith(configuredName + "/");
	}

	private static boolean matchesAny(Collection<String> names, String checkName) {
		return names.stream().anyMatch((name) -> refersTo(name, checkName));
	}

}
