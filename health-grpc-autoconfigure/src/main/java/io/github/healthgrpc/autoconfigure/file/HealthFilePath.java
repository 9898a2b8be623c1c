package io.github.healthgrpc.autoconfigure.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks {@code grpc.health.file.path} when the application starts, so that a health file
 * that could never be written stops startup with the reason and the fix, reported by
 * Spring Boot's analyzer of {@link InvalidConfigurationPropertyValueException}, rather
 * than a probe failing for ever in the cluster.
 */
final class HealthFilePath {

	private static final String PROPERTY = "grpc.health.file.path";

	private static final String VOLUME = " In Kubernetes, mount a volume there (an emptyDir works with a read-only "
			+ "root file system).";

	private HealthFilePath() {
	}

	/**
	 * The path to write, once it is known to be a file in a directory the application can
	 * write: a temporary file is created there and deleted.
	 * @param value the property's value
	 * @return the absolute path
	 * @throws InvalidConfigurationPropertyValueException if it cannot be written
	 */
	static Path writable(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw invalid(String.valueOf(value), "It is empty. Set it to the path of a file, such as "
					+ "/tmp/health/health.json, or remove it to write no health file.");
		}
		Path path = parse(value);
		Path directory = path.getParent();
		if (Files.isDirectory(path)) {
			throw invalid(value, "It is a directory. Set it to the path of a file in that directory, such as "
					+ path.resolve("health.json") + ".");
		}
		if (directory == null || !Files.exists(directory)) {
			throw invalid(value, "Its directory " + directory + " does not exist. Create it, or set " + PROPERTY
					+ " to a file in a directory that exists." + VOLUME);
		}
		if (!Files.isDirectory(directory)) {
			throw invalid(value,
					"Its parent " + directory + " is not a directory. Set " + PROPERTY + " to a file in a directory.");
		}
		try {
			Files.delete(Files.createTempFile(directory, "." + path.getFileName() + ".", ".tmp"));
		}
		catch (IOException ex) {
			throw invalid(value, "Its directory " + directory + " cannot be written (" + ex + "). Make it writable "
					+ "for the application's user, or set " + PROPERTY + " to a file in a directory that is." + VOLUME);
		}
		return path;
	}

	private static Path parse(String value) {
		try {
			return Path.of(value).toAbsolutePath();
		}
		catch (InvalidPathException ex) {
			throw invalid(value, "It is not a valid path (" + ex.getMessage() + "). Set it to the path of a file, "
					+ "such as /tmp/health/health.json.");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String value, String reason) {
		return new InvalidConfigurationPropertyValueException(PROPERTY, value, reason);
	}

}
