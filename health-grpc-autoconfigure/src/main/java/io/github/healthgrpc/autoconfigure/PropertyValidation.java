package io.github.healthgrpc.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Checks the numbers and durations of the {@code grpc.health} properties, so that every
 * mistake of one kind fails startup with one message that names the property.
 */
final class PropertyValidation {

	private PropertyValidation() {
	}

	/**
	 * Require a positive number.
	 * @param property the property's name
	 * @param value its value
	 * @param action how to fix a value that is not positive
	 * @return the value
	 */
	static int positive(String property, int value, String action) {
		if (value <= 0) {
			throw new InvalidHealthConfigurationException(property, "must be positive but is " + value, action);
		}
		return value;
	}

	/**
	 * Require a positive duration.
	 * @param property the property's name
	 * @param value its value, or {@code null} if it has none
	 * @return the value
	 */
	static Duration positive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidHealthConfigurationException(property, "must be a positive duration but is " + value,
					"Set it to a positive duration such as 5s or 500ms");
		}
		return value;
	}

	/**
	 * Require a duration that is zero or more.
	 * @param property the property's name
	 * @param value its value
	 * @param action how to fix a negative value
	 * @return the value
	 */
	static Duration notNegative(String property, Duration value, String action) {
		if (value.isNegative()) {
			throw new InvalidHealthConfigurationException(property, "must not be negative but is " + value, action);
		}
		return value;
	}

}
