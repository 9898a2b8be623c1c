package io.github.healthgrpc.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The property names under {@code grpc.health}, read from {@link HealthGrpcProperties} so
 * they cannot drift from it. Spring Boot's binder ignores a name that binds to nothing
 * ({@code grpc.health.overall.includes}), which would silently change what a service
 * means, so every such name stops startup. The {@code services} and {@code checks} maps
 * are left to {@link DottedKeyMap}, which validates their entries with the same helpers.
 *
 * <p>A name matches the way Spring Boot's relaxed binding does: case and dashes do not
 * matter, and an environment variable may keep a dash as an underscore
 * ({@code GRPC_HEALTH_SCHEDULER_POOL_SIZE}). An environment variable that matches no
 * property at all only shares the prefix ({@code GRPC_HEALTH_PROBE_VERSION}, which
 * Dockerfiles that download grpc_health_probe set) and is left alone.
 */
final class KnownProperties {

	static final String UNKNOWN = "is not a property health-grpc knows";

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("grpc.health");

	private static final Map<String, Class<?>> TOP = of(HealthGrpcProperties.class);

	private KnownProperties() {
	}

	/**
	 * Fail on the first name under {@code grpc.health} that binds to nothing.
	 * @param environment the environment to read
	 */
	static void validate(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
				iterable.filter(ROOT::isAncestorOf).forEach((name) -> validate(name, variables));
			}
		}
	}

	/**
	 * The properties of a properties class, in dashed form, with their types.
	 * @param type the class
	 * @return the properties by dashed name, sorted
	 */
	static Map<String, Class<?>> of(Class<?> type) {
		Map<String, Class<?>> properties = new TreeMap<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() != null && !"class".equals(property.getName())) {
				properties.put(DataObjectPropertyName.toDashedForm(property.getName()), property.getPropertyType());
			}
		}
		return properties;
	}

	/**
	 * The property that a name has at an element, as relaxed binding reads it.
	 * @param name the name
	 * @param index the element
	 * @param properties the dashed names of the properties there
	 * @param variables whether the name comes from an environment variable
	 * @return the property and the element after it, or {@code null} if none matches
	 */
	static @Nullable Match match(ConfigurationPropertyName name, int index, Collection<String> properties,
			boolean variables) {
		StringBuilder joined = new StringBuilder();
		int last = variables ? name.getNumberOfElements() : Math.min(index + 1, name.getNumberOfElements());
		for (int end = index + 1; end <= last; end++) {
			joined.append(name.getElement(end - 1, ConfigurationPropertyName.Form.UNIFORM));
			for (String property : properties) {
				if (property.replace("-", "").contentEquals(joined)) {
					return new Match(property, end);
				}
			}
		}
		return null;
	}

	/**
	 * The failure for a name that binds to nothing.
	 * @param name the name
	 * @param parent where the name should have continued, such as {@code grpc.health.overall}
	 * @param properties the properties there
	 * @param hint more advice, or empty
	 * @return the exception to throw
	 */
	static InvalidHealthConfigurationException unknown(ConfigurationPropertyName name, String parent,
			Collection<String> properties, String hint) {
		return new InvalidHealthConfigurationException(name.toString(), UNKNOWN,
				"Write " + parent + "." + String.join(" or .", properties) + hint);
	}

	private static void validate(ConfigurationPropertyName name, boolean variables) {
		Match group = match(name, ROOT.getNumberOfElements(), TOP.keySet(), variables);
		if (group == null) {
			if (!variables) {
				throw unknown(name, ROOT.toString(), TOP.keySet(), "");
			}
			return;
		}
		Class<?> type = TOP.get(group.property());
		String groupName = ROOT + "." + group.property();
		if (Map.class.isAssignableFrom(type)) {
			return;
		}
		if (type.getDeclaringClass() != HealthGrpcProperties.class) {
			requireValue(name, group.end(), groupName);
			return;
		}
		Map<String, Class<?>> leaves = of(type);
		Match leaf = match(name, group.end(), leaves.keySet(), variables);
		if (leaf == null) {
			throw unknown(name, groupName, leaves.keySet(), "");
		}
		requireValue(name, leaf.end(), groupName + "." + leaf.property());
	}

	// After a property that takes a value only list indexes may follow (include[0]).
	private static void requireValue(ConfigurationPropertyName name, int end, String property) {
		for (int i = end; i < name.getNumberOfElements(); i++) {
			if (!name.isNumericIndex(i)) {
				throw new InvalidHealthConfigurationException(name.toString(), UNKNOWN,
						"Give " + property + " a value; it has no properties of its own");
			}
		}
	}

	/**
	 * A property found in a name.
	 *
	 * @param property the property's dashed name
	 * @param end the element after it
	 */
	record Match(String property, int end) {

	}

}
