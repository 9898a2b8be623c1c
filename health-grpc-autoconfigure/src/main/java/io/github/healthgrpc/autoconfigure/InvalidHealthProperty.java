package io.github.healthgrpc.autoconfigure;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;

/**
 * Failures for {@code grpc.health} values that cannot be honoured, reported by Spring
 * Boot's analyzer of {@link InvalidConfigurationPropertyValueException}: the value, where
 * it was written, and the reason with the fix. The analyzer finds where a value was
 * written only by the name its property source uses, so a failure names the property as
 * written ({@code grpc.health.services.demo.Inventory.include}, an environment variable,
 * or the list element that holds the value) rather than in its bracketed form.
 */
final class InvalidHealthProperty {

	private InvalidHealthProperty() {
	}

	/**
	 * Create the failure for a property.
	 * @param environment the environment the property was bound from
	 * @param name the property, as {@link BracketedKeyPropertySource} spells it
	 * @param value the offending value: the property's value, or one element of a list
	 * @param reason what is wrong and how to fix it, in sentences
	 * @return the exception to throw
	 */
	static InvalidConfigurationPropertyValueException of(Environment environment, String name, Object value,
			String reason) {
		ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : BracketedKeyPropertySource.of(environment)) {
			List<ConfigurationProperty> written = written(source, property);
			if (!written.isEmpty()) {
				// The first source that has the property is the one it was bound from.
				return written.stream()
					.filter((candidate) -> written.size() == 1 || holds(candidate, value))
					.findFirst()
					.map((candidate) -> new InvalidConfigurationPropertyValueException(writtenName(candidate, name),
							candidate.getValue(), reason))
					.orElseGet(() -> new InvalidConfigurationPropertyValueException(name, value, reason));
			}
		}
		return new InvalidConfigurationPropertyValueException(name, value, reason);
	}

	// The property itself, or the elements of a list written with indexes.
	private static List<ConfigurationProperty> written(ConfigurationPropertySource source,
			ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		if (property != null || !(source instanceof IterableConfigurationPropertySource iterable)) {
			return (property != null) ? List.of(property) : List.of();
		}
		return iterable.filter(name::isParentOf)
			.stream()
			.map(iterable::getConfigurationProperty)
			.filter(Objects::nonNull)
			.toList();
	}

	private static boolean holds(ConfigurationProperty element, Object value) {
		return String.valueOf(element.getValue()).trim().equals(String.valueOf(value));
	}

	private static String writtenName(ConfigurationProperty property, String name) {
		return (property.getOrigin() instanceof PropertySourceOrigin origin) ? origin.getPropertyName() : name;
	}

}
